/**
 * The connections and their secrets in Jakarta Persistence: secrets sealed with the module's keys (and rotated),
 * portal flows, webhook deliveries, and {@code OpenedConnections}, the in-memory cache of decrypted connections that
 * is dropped on revoke, delete, key rotation or a change another server wrote.
 *
 * <p>May use: {@code cluster}, {@code config}, {@code internal}, {@code startup}.
 */
package dev.printfarm.appconnection.impl.store;
