package dev.printfarm.appconnection.it;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonStructure;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.microprofile.config.ConfigProvider;

/** The sandbox's control API, as a test uses it. Works on the client side and inside Liberty. */
public final class SandboxClient {

    private final URI base;
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    public SandboxClient(String sandboxUrl) {
        this.base = URI.create(sandboxUrl.endsWith("/") ? sandboxUrl : sandboxUrl + "/");
    }

    /** Inside Liberty: the sandbox the test deployment is configured with ({@code it.sandbox.url}). */
    public static SandboxClient onThisServer() {
        return new SandboxClient(ConfigProvider.getConfig().getValue("it.sandbox.url", String.class));
    }

    public URI base() {
        return base;
    }

    public JsonArray printers() {
        return get("control/printers").asJsonArray();
    }

    public JsonObject printer(String printerId) {
        return printers().stream()
                .map(v -> v.asJsonObject())
                .filter(p -> p.getString("id").equals(printerId))
                .findFirst()
                .orElseThrow(() -> new AssertionError("sandbox has no printer " + printerId));
    }

    public JsonArray connections() {
        return get("control/connections").asJsonArray();
    }

    public JsonObject connection(String connectionId) {
        return connections().stream()
                .map(v -> v.asJsonObject())
                .filter(c -> c.getString("id").equals(connectionId))
                .findFirst()
                .orElseThrow(() -> new AssertionError("sandbox issued no connection " + connectionId));
    }

    public JsonObject stats() {
        return get("control/stats").asJsonObject();
    }

    /** Relayed requests the sandbox received for one connection, whatever it answered. */
    public int relayedRequests(String connectionId) {
        JsonObject connections = stats().getJsonObject("connections");
        return connections.containsKey(connectionId)
                ? connections.getJsonObject(connectionId).getInt("total")
                : 0;
    }

    /** Changes a printer's behaviour, e.g. {@code {"failWith": 606}}. */
    public void control(String printerId, String json) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(base.resolve("control/printers/" + printerId))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json))
                .build());
        if (response.statusCode() != 200) {
            throw new AssertionError("sandbox refused " + json + " for " + printerId + ": " + response.statusCode()
                    + " " + response.body());
        }
    }

    /**
     * {@code PUT} (with a JSON body) or {@code DELETE} (body {@code null}) on one of a printer's control resources,
     * e.g. {@code responses} or {@code gadget}; fails the test on any answer but 2xx.
     */
    public void printerResource(String printerId, String resource, String json) {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(base.resolve("control/printers/" + printerId + "/" + resource));
        if (json == null) {
            request.DELETE();
        } else {
            request.header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(json));
        }
        HttpResponse<String> response = send(request.build());
        if (response.statusCode() / 100 != 2) {
            throw new AssertionError("sandbox answered " + response.statusCode() + " " + response.body() + " to "
                    + (json == null ? "DELETE " : "PUT " + json + " on ") + resource + " of " + printerId);
        }
    }

    /** The G-code the printer received through {@code POST /api/printer/command}, oldest first. */
    public List<String> gcode(String printerId) {
        JsonStructure answer = get("control/printers/" + printerId + "/gcode");
        JsonArray lines = answer instanceof JsonArray array
                ? array
                : answer.asJsonObject().getJsonArray("gcode");
        return lines.stream()
                .map(v -> v instanceof jakarta.json.JsonString s ? s.getString() : v.toString())
                .toList();
    }

    /** The sandbox's last LAN-face requests, oldest first. */
    public JsonArray lanRequests() {
        JsonStructure answer = get("control/lan-requests");
        return answer instanceof JsonArray array ? array : answer.asJsonObject().getJsonArray("requests");
    }

    /** Request-body bytes received through the relay for one connection so far (counted while they arrive). */
    public long uploadBytes(String connectionId) {
        JsonObject connections = stats().getJsonObject("connections");
        return connections.containsKey(connectionId)
                ? connections
                        .getJsonObject(connectionId)
                        .getJsonNumber("uploadBytes")
                        .longValue()
                : 0;
    }

    /** Revokes a connection at OctoEverywhere, as its user would: relay and App APIs answer 604 from now on. */
    public void revoke(String connectionId) {
        HttpResponse<String> response =
                send(HttpRequest.newBuilder(base.resolve("control/connections/" + connectionId + "/revoke"))
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .build());
        if (response.statusCode() / 100 != 2) {
            throw new AssertionError("sandbox refused to revoke " + connectionId + ": " + response.statusCode());
        }
    }

    /** When the sandbox received each Gadget call of one connection for a printer, oldest first. */
    public List<Instant> gadgetCalls(String printerId, String connectionId) {
        JsonObject byConnection = get("control/printers/" + printerId + "/gadget/calls")
                .asJsonObject()
                .getJsonObject("byConnection");
        if (byConnection == null || !byConnection.containsKey(connectionId)) {
            return List.of();
        }
        return byConnection.getJsonArray(connectionId).getValuesAs(JsonString.class).stream()
                .map(s -> Instant.parse(s.getString()))
                .toList();
    }

    /** Makes the printer notify its webhooks now, e.g. {@code {"eventType": 99, "repeat": 3}}; returns the answer. */
    public JsonObject notifyWebhooks(String printerId, String json) {
        HttpResponse<String> response =
                send(HttpRequest.newBuilder(base.resolve("control/printers/" + printerId + "/webhook"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json))
                        .build());
        if (response.statusCode() != 202) {
            throw new AssertionError(
                    "sandbox answered " + response.statusCode() + " " + response.body() + " to " + json);
        }
        try (var reader = Json.createReader(new StringReader(response.body()))) {
            return reader.readObject();
        }
    }

    /** The sandbox's last webhook deliveries, oldest first. */
    public JsonArray webhookDeliveries() {
        JsonStructure answer = get("control/webhooks");
        return answer instanceof JsonArray array ? array : answer.asJsonObject().getJsonArray("deliveries");
    }

    /** A printer's control resource as JSON, e.g. {@code webcam} or {@code push} counts. */
    /** When the sandbox answered the connection's Info App API calls (oldest first). */
    public List<Instant> infoCalls(String connectionId) {
        JsonObject calls =
                get("control/connections/" + connectionId + "/info-calls").asJsonObject();
        return calls.getJsonArray("calls").getValuesAs(JsonString.class).stream()
                .map(s -> Instant.parse(s.getString()))
                .toList();
    }

    /** The command API calls the printer received, oldest first: {@code {"time", "connectionId", "command", "status", "args"}}. */
    public JsonArray commandCalls(String printerId) {
        return get("control/printers/" + printerId + "/commands").asJsonArray();
    }

    public JsonObject printerJson(String printerId, String resource) {
        return get("control/printers/" + printerId + "/" + resource).asJsonObject();
    }

    /** {@code POST} to a printer's control resource without a body, e.g. {@code push/drop}; the answer. */
    public JsonObject printerPost(String printerId, String resource) {
        HttpResponse<String> response =
                send(HttpRequest.newBuilder(base.resolve("control/printers/" + printerId + "/" + resource))
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .build());
        if (response.statusCode() / 100 != 2) {
            throw new AssertionError(
                    "sandbox answered " + response.statusCode() + " " + response.body() + " to POST " + resource);
        }
        try (var reader = Json.createReader(new StringReader(response.body()))) {
            return reader.readObject();
        }
    }

    /** Relayed requests being handled now, and the most at once since the last {@link #resetPeak()}. */
    public int peakInFlight() {
        return stats().getInt("peakInFlight");
    }

    /** Starts counting the peak of relayed requests in flight afresh. */
    public void resetPeak() {
        HttpResponse<String> response = send(HttpRequest.newBuilder(base.resolve("control/stats/reset-peak"))
                .POST(HttpRequest.BodyPublishers.noBody())
                .build());
        if (response.statusCode() / 100 != 2) {
            throw new AssertionError("sandbox refused to reset the peak: " + response.statusCode());
        }
    }

    /** Forgets every connection and restores every printer, as a fresh OctoEverywhere. */
    public void reset() {
        HttpResponse<String> response = send(HttpRequest.newBuilder(base.resolve("control/reset"))
                .POST(HttpRequest.BodyPublishers.noBody())
                .build());
        if (response.statusCode() / 100 != 2) {
            throw new AssertionError("sandbox refused the reset: " + response.statusCode());
        }
    }

    /**
     * Makes OctoEverywhere's App APIs (and only them) fail, e.g. {@code {"failWith": 500}} for every call,
     * {@code {"failWith": 500, "times": 1}} for the next one, {@code {"failWith": null}} to end it.
     */
    public void failAppApi(String json) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(base.resolve("control/appapi"))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json))
                .build());
        if (response.statusCode() != 200) {
            throw new AssertionError(
                    "sandbox refused " + json + " for the App APIs: " + response.statusCode() + " " + response.body());
        }
    }

    /** App API requests the sandbox failed on purpose ({@link #failAppApi}) since its last reset. */
    public int appApiFailed() {
        return get("control/appapi").asJsonObject().getInt("failed");
    }

    /** OctoEverywhere restarting for {@code seconds} (0 ends it): the relay and App APIs drop every new request. */
    public void outage(int seconds) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(base.resolve("control/relay/outage"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"seconds\": " + seconds + "}"))
                .build());
        if (response.statusCode() != 200) {
            throw new AssertionError("sandbox refused an outage of " + seconds + " s: " + response.statusCode());
        }
    }

    /** Requests an outage dropped since the sandbox's last reset, whatever their connection. */
    public int refusedByOutage() {
        return stats().getInt("refusedByOutage");
    }

    /** The requests an outage dropped, oldest first: {@code {"time", "method", "path", "clientPort"}}. */
    public JsonArray outageRefusals() {
        return get("control/relay/outage/refused").asJsonObject().getJsonArray("requests");
    }

    /** Requests that reached the relay per client port since the sandbox started (a new connection, a new port). */
    public Map<Integer, Long> clientPorts() {
        Map<Integer, Long> ports = new TreeMap<>();
        get("control/relay/client-ports")
                .asJsonObject()
                .getJsonObject("ports")
                .forEach((port, count) -> ports.put(Integer.valueOf(port), ((JsonNumber) count).longValue()));
        return ports;
    }

    public void restore(String printerId) {
        control(printerId, "{\"online\": true, \"failWith\": null, \"latencyMs\": 0, \"lan\": true, \"plugin\": true}");
    }

    private JsonStructure get(String path) {
        HttpResponse<String> response =
                send(HttpRequest.newBuilder(base.resolve(path)).GET().build());
        if (response.statusCode() != 200) {
            throw new AssertionError("GET " + path + " answered " + response.statusCode());
        }
        try (var reader = Json.createReader(new StringReader(response.body()))) {
            return reader.read();
        }
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            // No control call may hang a test run.
            HttpRequest bounded = HttpRequest.newBuilder(request, (name, value) -> true)
                    .timeout(Duration.ofSeconds(30))
                    .build();
            return http.send(bounded, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
