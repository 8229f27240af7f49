/**
 * Small parts the rest of the module shares and that know nothing of printers: its threads and background
 * scheduling, bounded reads of untrusted bodies, a log throttle, secret handling and the demo-mode rule.
 *
 * <p>May use: nothing else in the module.
 */
package dev.printfarm.appconnection.impl.internal;
