package dev.printfarm.appconnection.sandbox.lan;

import dev.printfarm.appconnection.sandbox.octoprint.OctoPrintAnswer;
import dev.printfarm.appconnection.sandbox.web.RawBody;
import jakarta.json.JsonObject;
import java.util.Map;
import java.util.Optional;

/**
 * What the LAN face answers.
 *
 * @param body    empty for the "LAN down" answer, which has no body at all, and for raw answers
 * @param headers extra response headers
 * @param raw     a non-JSON body (download, scripted answer, 204)
 */
public record LanAnswer(int status, Optional<JsonObject> body, Map<String, String> headers, long delayMs,
                        Optional<RawBody> raw) {

    public static final String DOWN_HEADER = "X-Sandbox-Lan";

    public LanAnswer {
        headers = Map.copyOf(headers);
    }

    static LanAnswer from(OctoPrintAnswer printer) {
        return new LanAnswer(printer.status(), printer.raw().isPresent() ? Optional.empty() : Optional.of(printer.body()),
                printer.headers(), 0, printer.raw());
    }

    static LanAnswer down() {
        return new LanAnswer(503, Optional.empty(), Map.of(DOWN_HEADER, "down"), 0, Optional.of(RawBody.none()));
    }

    LanAnswer delayedBy(long delayMs) {
        return new LanAnswer(status, body, headers, delayMs, raw);
    }
}
