package dev.printfarm.appconnection.sandbox.lan;

import dev.printfarm.appconnection.sandbox.octoprint.OctoPrintAnswer;
import dev.printfarm.appconnection.sandbox.web.RawBody;
import dev.printfarm.appconnection.sandbox.webcam.WebcamView;
import jakarta.json.JsonObject;
import java.util.Map;
import java.util.Optional;

/**
 * What the LAN face answers.
 *
 * @param body    empty for the "LAN down" answer, which has no body at all, and for raw answers
 * @param headers extra response headers
 * @param raw     a non-JSON body (download, scripted answer, 204)
 * @param webcam  a webcam request: the servlet answers it with a picture or a stream (status 200)
 */
public record LanAnswer(
        int status,
        Optional<JsonObject> body,
        Map<String, String> headers,
        long delayMs,
        Optional<RawBody> raw,
        Optional<WebcamView> webcam) {

    public static final String DOWN_HEADER = "X-Sandbox-Lan";

    public LanAnswer {
        headers = Map.copyOf(headers);
    }

    static LanAnswer from(OctoPrintAnswer printer) {
        return new LanAnswer(
                printer.status(),
                printer.raw().isPresent() ? Optional.empty() : Optional.of(printer.body()),
                printer.headers(),
                0,
                printer.raw(),
                Optional.empty());
    }

    static LanAnswer down() {
        return new LanAnswer(
                503, Optional.empty(), Map.of(DOWN_HEADER, "down"), 0, Optional.of(RawBody.none()), Optional.empty());
    }

    static LanAnswer webcam(WebcamView view) {
        return new LanAnswer(200, Optional.empty(), Map.of(), 0, Optional.of(RawBody.none()), Optional.of(view));
    }

    LanAnswer delayedBy(long delayMs) {
        return new LanAnswer(status, body, headers, delayMs, raw, webcam);
    }
}
