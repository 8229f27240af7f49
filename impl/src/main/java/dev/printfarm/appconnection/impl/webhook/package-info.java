/**
 * OctoEverywhere's notification webhooks: registration per connection and the receiver servlet, which checks each
 * delivery (token, replay, size) before firing {@code PrinterNotification}.
 *
 * <p>May use: {@code appapi}, {@code cluster}, {@code config}, {@code internal}, {@code json}, {@code metrics},
 * {@code startup}, {@code store}.
 */
package dev.printfarm.appconnection.impl.webhook;
