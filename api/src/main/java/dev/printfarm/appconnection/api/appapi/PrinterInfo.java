package dev.printfarm.appconnection.api.appapi;

import java.net.URI;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * OctoEverywhere's Info API for one connection ({@code GET /api/appconnection/info}).
 *
 * @param online whether the printer is connected to OctoEverywhere now
 */
public record PrinterInfo(
        Optional<String> printerName,
        Optional<String> localIp,
        boolean online,
        Optional<Instant> lastConnected,
        Optional<Instant> lastDisconnected,
        Optional<URI> userFacingUrl,
        TransferLimits limits) {

    public PrinterInfo {
        Objects.requireNonNull(printerName, "printerName");
        Objects.requireNonNull(localIp, "localIp");
        Objects.requireNonNull(lastConnected, "lastConnected");
        Objects.requireNonNull(lastDisconnected, "lastDisconnected");
        Objects.requireNonNull(userFacingUrl, "userFacingUrl");
        Objects.requireNonNull(limits, "limits");
    }
}
