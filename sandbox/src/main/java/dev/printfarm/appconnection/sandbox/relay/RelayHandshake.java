package dev.printfarm.appconnection.sandbox.relay;

import dev.printfarm.appconnection.sandbox.printer.EmulatedPrinter;
import dev.printfarm.appconnection.sandbox.web.OctoEverywhereErrors;
import jakarta.json.JsonObject;
import java.util.Objects;
import java.util.Optional;

/**
 * The relay's answer to a WebSocket handshake: {@link #UPGRADE}, or the 6xx it would answer an HTTP request.
 *
 * @param printer the printer the connection leads to, whenever the connection is known (606 included)
 */
public record RelayHandshake(int status, Optional<EmulatedPrinter> printer) {

    public static final int UPGRADE = 101;

    public RelayHandshake {
        Objects.requireNonNull(printer, "printer");
        if (status == UPGRADE && printer.isEmpty()) {
            throw new IllegalArgumentException("an upgrade needs the printer");
        }
    }

    public boolean upgrades() {
        return status == UPGRADE;
    }

    /** OctoEverywhere's error JSON for a refused handshake. */
    public JsonObject errorBody() {
        return OctoEverywhereErrors.body(status);
    }
}
