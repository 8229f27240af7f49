package dev.printfarm.appconnection.sandbox.lan;

import dev.printfarm.appconnection.sandbox.octoprint.OctoPrintAnswer;
import jakarta.json.JsonObject;
import java.util.Map;
import java.util.Optional;

/**
 * What the LAN face answers.
 *
 * @param body    empty for the "LAN down" answer, which has no body at all
 * @param headers extra response headers
 */
public record LanAnswer(int status, Optional<JsonObject> body, Map<String, String> headers, long delayMs) {

    public static final String DOWN_HEADER = "X-Sandbox-Lan";

    public LanAnswer {
        headers = Map.copyOf(headers);
    }

    static LanAnswer from(OctoPrintAnswer printer) {
        return new LanAnswer(printer.status(), Optional.of(printer.body()), Map.of(), 0);
    }

    static LanAnswer down() {
        return new LanAnswer(503, Optional.empty(), Map.of(DOWN_HEADER, "down"), 0);
    }

    LanAnswer delayedBy(long delayMs) {
        return new LanAnswer(status, body, headers, delayMs);
    }
}
