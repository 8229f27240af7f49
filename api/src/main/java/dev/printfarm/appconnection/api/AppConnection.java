package dev.printfarm.appconnection.api;

import java.net.URI;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A stored App Connection as applications see it: its identity and context, never its secrets.
 *
 * @param id                    OctoEverywhere's App Connection id
 * @param owner                 who the connection belongs to, as given when the portal flow started
 * @param printerName           the name the user gave the printer
 * @param relayUrl              the relay base URL that stands in for the printer's local URL
 * @param userPrinterAccessUrl  the user-facing URL (needs the user's own login)
 * @param lastKnownLocalIp      the printer's last known LAN address
 * @param state                 what the module last learned about the connection
 * @param createdAt             when the module stored it
 * @param hasOctoPrintApiKey    whether an OctoPrint API key is stored for it
 * @param reference             the application's value given with {@link PortalRequest#withReference(String)}
 */
public record AppConnection(
        String id,
        String owner,
        String printerName,
        URI relayUrl,
        Optional<URI> userPrinterAccessUrl,
        Optional<String> lastKnownLocalIp,
        ConnectionState state,
        Instant createdAt,
        boolean hasOctoPrintApiKey,
        Optional<String> reference) {

    public AppConnection {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(printerName, "printerName");
        Objects.requireNonNull(relayUrl, "relayUrl");
        Objects.requireNonNull(userPrinterAccessUrl, "userPrinterAccessUrl");
        Objects.requireNonNull(lastKnownLocalIp, "lastKnownLocalIp");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(reference, "reference");
    }
}
