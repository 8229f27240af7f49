/**
 * The module's own metrics (relay calls, open breakers, fleet refreshes, Gadget, webhooks, refused callbacks), none
 * of which names a connection or carries a secret.
 *
 * <p>May use: nothing else in the module.
 */
package dev.printfarm.appconnection.impl.metrics;
