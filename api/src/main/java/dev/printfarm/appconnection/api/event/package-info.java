/**
 * The CDI events the module fires, observed with {@code @Observes}: connections created and removed, a printer's view
 * changed, a push message, a notification delivered to the webhook receiver. Fired on the module's own threads;
 * observers must be quick.
 */
package dev.printfarm.appconnection.api.event;
