/**
 * Checks that fail the deployment when the configuration is wrong or, talking to the real OctoEverywhere, unsafe
 * (a demo setting left on), before anything touches the store.
 *
 * <p>May use: {@code internal}, {@code relay}, {@code route}, {@code store}.
 */
package dev.printfarm.appconnection.impl.startup;
