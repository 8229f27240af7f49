package dev.printfarm.appconnection.sandbox.octoprint;

import dev.printfarm.appconnection.sandbox.web.RawBody;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What the emulated OctoPrint itself answers, before any relay or LAN behaviour is added.
 *
 * @param body    the JSON body; an empty object when {@code raw} is present
 * @param raw     a non-JSON body (a download, a scripted answer, a 204's nothing)
 * @param headers extra response headers
 */
public record OctoPrintAnswer(int status, JsonObject body, Optional<RawBody> raw, Map<String, String> headers) {

    public OctoPrintAnswer {
        headers = Map.copyOf(headers);
    }

    public OctoPrintAnswer(int status, JsonObject body) {
        this(status, body, Optional.empty(), Map.of());
    }

    public static OctoPrintAnswer ok(JsonObject body) {
        return new OctoPrintAnswer(200, body);
    }

    public static OctoPrintAnswer noContent() {
        return raw(204, RawBody.none());
    }

    public static OctoPrintAnswer raw(int status, RawBody body) {
        return new OctoPrintAnswer(status, JsonValue.EMPTY_JSON_OBJECT, Optional.of(body), Map.of());
    }

    /** OctoPrint's error shape, {@code {"error": "..."}}. */
    public static OctoPrintAnswer error(int status, String message) {
        return new OctoPrintAnswer(
                status, Json.createObjectBuilder().add("error", message).build());
    }

    public OctoPrintAnswer withHeader(String name, String value) {
        Map<String, String> more = new HashMap<>(headers);
        more.put(name, value);
        return new OctoPrintAnswer(status, body, raw, more);
    }

    /** Bytes of the body on the wire, which the relay holds against the download limit. */
    public long bodyLength() {
        return raw.map(RawBody::length).orElseGet(() -> body.toString().getBytes(StandardCharsets.UTF_8).length);
    }
}
