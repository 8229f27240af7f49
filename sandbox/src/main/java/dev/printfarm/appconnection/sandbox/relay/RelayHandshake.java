package dev.printfarm.appconnection.sandbox.relay;

import dev.printfarm.appconnection.sandbox.printer.EmulatedPrinter;
import dev.printfarm.appconnection.sandbox.web.OctoEverywhereErrors;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.Objects;
import java.util.Optional;

/**
 * The relay's answer to a WebSocket handshake: {@link #UPGRADE}, or the 6xx it would answer an HTTP request, or the
 * printer's own 404 when its kind has no socket at that path.
 *
 * @param printer   the printer the connection leads to, whenever the connection is known (606 included)
 * @param errorBody what a refusal answers: OctoEverywhere's error JSON, or the host's 404
 */
public record RelayHandshake(int status, Optional<EmulatedPrinter> printer, JsonObject errorBody) {

    public static final int UPGRADE = 101;

    public RelayHandshake {
        Objects.requireNonNull(printer, "printer");
        Objects.requireNonNull(errorBody, "errorBody");
        if (status == UPGRADE && printer.isEmpty()) {
            throw new IllegalArgumentException("an upgrade needs the printer");
        }
    }

    /** An upgrade, or a refusal with OctoEverywhere's error JSON. */
    public RelayHandshake(int status, Optional<EmulatedPrinter> printer) {
        this(status, printer, status == UPGRADE ? JsonValue.EMPTY_JSON_OBJECT : OctoEverywhereErrors.body(status));
    }

    public boolean upgrades() {
        return status == UPGRADE;
    }
}
