/**
 * The exception family: every failure is an unchecked {@link
 * dev.printfarm.appconnection.api.error.AppConnectionException}, one subtype per meaning (the printer is offline, the
 * connection is gone, the printer answered with an error, nothing answered, ...). Separate facts are separate fields
 * ({@link dev.printfarm.appconnection.api.error.ErrorDetails}): OctoEverywhere's code (600–699), the printer's HTTP
 * status and error body when the printer answered, whether trying again later can help, and when. A fact nobody
 * reported is empty. No message, field or {@code toString()} carries a secret.
 */
package dev.printfarm.appconnection.api.error;
