package dev.printfarm.appconnection.impl.store;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/** A connection as the portal completed it, before the store gives it an owner. */
public record NewConnection(
        String id,
        String printerName,
        URI relayUrl,
        Optional<URI> userPrinterAccessUrl,
        Optional<String> lastKnownLocalIp,
        ConnectionSecrets secrets) {
    public NewConnection {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(printerName, "printerName");
        Objects.requireNonNull(relayUrl, "relayUrl");
        Objects.requireNonNull(userPrinterAccessUrl, "userPrinterAccessUrl");
        Objects.requireNonNull(lastKnownLocalIp, "lastKnownLocalIp");
        Objects.requireNonNull(secrets, "secrets");
    }
}
