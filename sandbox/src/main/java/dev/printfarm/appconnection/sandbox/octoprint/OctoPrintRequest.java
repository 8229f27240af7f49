package dev.printfarm.appconnection.sandbox.octoprint;

import dev.printfarm.appconnection.sandbox.web.ReceivedBody;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonStructure;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A request as the emulated OctoPrint receives it, from the relay or the LAN face.
 *
 * @param query   decoded query parameters
 * @param baseUrl where the client reaches this OctoPrint, used for {@code refs} URLs
 */
public record OctoPrintRequest(
        String method,
        String path,
        Map<String, List<String>> query,
        Optional<String> contentType,
        ReceivedBody body,
        Optional<String> apiKey,
        String baseUrl) {

    public OctoPrintRequest {
        query = Map.copyOf(query);
    }

    public static OctoPrintRequest get(String path, Optional<String> apiKey) {
        return new OctoPrintRequest("GET", path, Map.of(), Optional.empty(), ReceivedBody.EMPTY, apiKey, "");
    }

    public Optional<String> queryParam(String name) {
        return Optional.ofNullable(query.get(name))
                .filter(values -> !values.isEmpty())
                .map(values -> values.get(0));
    }

    /** The body as a JSON object; empty when it is absent, not JSON, or not an object. */
    public Optional<JsonObject> json() {
        if (body.bytes().length == 0) {
            return Optional.empty();
        }
        try (JsonReader reader = Json.createReader(new ByteArrayInputStream(body.bytes()))) {
            JsonStructure structure = reader.read();
            return structure instanceof JsonObject object ? Optional.of(object) : Optional.empty();
        } catch (JsonException notJson) {
            return Optional.empty();
        }
    }
}
