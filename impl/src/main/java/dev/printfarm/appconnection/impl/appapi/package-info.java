/**
 * OctoEverywhere's App API, the one service behind Info, Live Links, Gadget and webhook registration: a typed Rest
 * Client ({@code AppApi}) under MicroProfile Fault Tolerance ({@code AppApiCalls}: timeout, retry of temporary
 * failures, a breaker and a bulkhead for the service as a whole), the mapping of its answers, and the Info refresh
 * that keeps each connection's limits. Its failures never touch a printer's breaker or state.
 *
 * <p>May use: {@code cluster}, {@code config}, {@code error}, {@code internal}, {@code json}, {@code relay},
 * {@code route}, {@code startup}, {@code store}.
 */
package dev.printfarm.appconnection.impl.appapi;
