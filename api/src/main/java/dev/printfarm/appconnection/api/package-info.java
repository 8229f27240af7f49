/**
 * What an application touches: {@link dev.printfarm.appconnection.api.AppConnectionService}, the value
 * types it returns, the CDI events it fires and the {@link dev.printfarm.appconnection.api.AppConnectionException}
 * family. Value types are immutable and thread-safe; none of them ever holds or prints a secret.
 */
package dev.printfarm.appconnection.api;
