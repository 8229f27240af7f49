/**
 * The policy around every call to a printer: OctoEverywhere's 600–613 codes, retries with backoff, the per-printer
 * circuit breaker ({@code PrinterGuard}, module code because MicroProfile Fault Tolerance keeps a breaker per method,
 * not per printer), the server-wide bulkhead and relay-wide breaker ({@code RelayGate}, Fault Tolerance annotations),
 * and which relay URLs may receive a printer's secrets.
 *
 * <p>May use: {@code config}, {@code internal}, {@code metrics}, {@code store}.
 */
package dev.printfarm.appconnection.impl.relay;
