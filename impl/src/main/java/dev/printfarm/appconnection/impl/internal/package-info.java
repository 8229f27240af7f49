/**
 * Small parts the rest of the module shares and that know nothing of printers: the module's settings, its threads,
 * bounded reads of untrusted bodies, a log throttle, secret handling and the demo-mode rule.
 *
 * <p>May use: nothing else in the module.
 */
package dev.printfarm.appconnection.impl.internal;
