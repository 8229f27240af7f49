/**
 * What an application touches: {@link dev.printfarm.appconnection.api.AppConnectionService}, the value
 * types it returns, the CDI events it fires and the {@link dev.printfarm.appconnection.api.AppConnectionException}
 * family. Value types are immutable and thread-safe; none of them prints a secret, and the only one
 * holding a credential is {@link dev.printfarm.appconnection.api.OctoPrintLogin} (OctoPrint's own session).
 */
package dev.printfarm.appconnection.api;
