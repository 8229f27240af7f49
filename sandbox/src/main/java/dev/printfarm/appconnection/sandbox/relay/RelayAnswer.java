package dev.printfarm.appconnection.sandbox.relay;

import dev.printfarm.appconnection.sandbox.octoprint.OctoPrintAnswer;
import dev.printfarm.appconnection.sandbox.web.OctoEverywhereErrors;
import dev.printfarm.appconnection.sandbox.web.RawBody;
import dev.printfarm.appconnection.sandbox.webcam.WebcamView;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What the relay answers.
 *
 * @param body    the JSON body (an empty object when {@code raw} or {@code webcam} is present or the answer is a
 *                reset)
 * @param reset   true: close the connection without a usable answer
 * @param webcam  an admitted webcam request: the servlet answers it with a picture or a stream (status 200)
 * @param cutBodyAfterBytes the body is declared whole but only this many bytes of it are sent, then the connection
 *                closes (not for a reset or a webcam stream, which have no declared length)
 */
public record RelayAnswer(
        int status,
        JsonObject body,
        long delayMs,
        Optional<RawBody> raw,
        Map<String, String> headers,
        boolean reset,
        Optional<WebcamView> webcam,
        OptionalLong cutBodyAfterBytes) {

    public RelayAnswer {
        headers = Map.copyOf(headers);
    }

    static RelayAnswer of(int status, JsonObject body) {
        return new RelayAnswer(
                status, body, 0, Optional.empty(), Map.of(), false, Optional.empty(), OptionalLong.empty());
    }

    static RelayAnswer octoEverywhereError(int status) {
        return of(status, OctoEverywhereErrors.body(status));
    }

    /** OctoEverywhere relays the printer's status, headers and body unchanged. */
    static RelayAnswer relayed(OctoPrintAnswer printer) {
        return new RelayAnswer(
                printer.status(),
                printer.body(),
                0,
                printer.raw(),
                printer.headers(),
                false,
                Optional.empty(),
                OptionalLong.empty());
    }

    static RelayAnswer connectionReset() {
        return new RelayAnswer(
                0,
                JsonValue.EMPTY_JSON_OBJECT,
                0,
                Optional.empty(),
                Map.of(),
                true,
                Optional.empty(),
                OptionalLong.empty());
    }

    static RelayAnswer webcam(WebcamView view) {
        return new RelayAnswer(
                200,
                JsonValue.EMPTY_JSON_OBJECT,
                0,
                Optional.empty(),
                Map.of(),
                false,
                Optional.of(view),
                OptionalLong.empty());
    }

    RelayAnswer delayedBy(long delayMs) {
        return new RelayAnswer(status, body, delayMs, raw, headers, reset, webcam, cutBodyAfterBytes);
    }

    RelayAnswer cutAfter(OptionalLong cutBodyAfterBytes) {
        return new RelayAnswer(status, body, delayMs, raw, headers, reset, webcam, cutBodyAfterBytes);
    }
}
