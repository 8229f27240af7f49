package dev.printfarm.appconnection.console.farm;

import dev.printfarm.appconnection.api.PrinterDiscovery;
import java.net.URI;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A printer added by its LAN address, as the console shows it (never its API key).
 *
 * @param discovery    what asking its OctoEverywhere plugin found when it was added (or last checked)
 * @param connectionId the App Connection that "Enable remote access" made for it, once made
 */
public record LanPrinter(
        String id,
        String name,
        URI lanUrl,
        PrinterDiscovery discovery,
        Optional<String> connectionId,
        Instant createdAt) {
    public LanPrinter {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(lanUrl, "lanUrl");
        Objects.requireNonNull(discovery, "discovery");
        Objects.requireNonNull(connectionId, "connectionId");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
