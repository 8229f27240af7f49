package dev.printfarm.appconnection.bench.sandbox;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The sandbox's control API, as the scenarios use it (the sandbox README lists every endpoint). */
@ApplicationScoped
public class SandboxControl {

    /** What {@code PUT /control/printers/{id}} takes to undo every fault the scenarios set. */
    public static final String RESTORE = "{\"online\": true, \"failWith\": null, \"latencyMs\": 0}";

    @Inject
    @ConfigProperty(name = "bench.sandbox.url")
    String sandboxUrl;

    private URI base;
    private HttpClient http;

    @PostConstruct
    void init() {
        base = URI.create(sandboxUrl.endsWith("/") ? sandboxUrl : sandboxUrl + "/");
        http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    public URI base() {
        return base;
    }

    /** Whether the sandbox application answers (a page without side effects). */
    public boolean reachable() {
        try {
            return http.send(
                                    HttpRequest.newBuilder(base.resolve("appportal/v1/complete?success=true"))
                                            .timeout(Duration.ofSeconds(5))
                                            .build(),
                                    HttpResponse.BodyHandlers.discarding())
                            .statusCode()
                    == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Every emulated printer's id, in the sandbox's order. */
    public List<String> printerIds() {
        return json(send(get("control/printers"), 200)).asJsonArray().getValuesAs(JsonObject.class).stream()
                .map(p -> p.getString("id"))
                .toList();
    }

    /** Sets every printer's emulated latency; returns how many printers there are. */
    public int fleetLatency(long millis) {
        String body = "{\"latencyMs\": " + millis + "}";
        return json(send(request("control/printers").PUT(HttpRequest.BodyPublishers.ofString(body)), 200))
                .asJsonObject()
                .getInt("printers");
    }

    /** Changes one printer's behaviour, e.g. {@code {"failWith": 601}}. */
    public void printer(String printerId, String json) {
        send(request("control/printers/" + printerId).PUT(HttpRequest.BodyPublishers.ofString(json)), 200);
    }

    /** The next {@code count} relayed requests of the printer are "reset" (0 cancels). */
    public void resetConnections(String printerId, int count) {
        send(
                request("control/printers/" + printerId + "/reset-connections")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"count\": " + count + "}")),
                200);
    }

    /**
     * Makes {@code method path} (no query) of the printer answer exactly this, on the relay and the LAN, until
     * {@link #unscriptAll(String)}.
     */
    public void script(String printerId, String method, String path, int status, String body) {
        String json = Json.createObjectBuilder()
                .add("method", method)
                .add("path", path)
                .add("status", status)
                .add("body", body)
                .add("headers", Json.createObjectBuilder().add("Content-Type", "application/json"))
                .build()
                .toString();
        send(
                request("control/printers/" + printerId + "/responses").PUT(HttpRequest.BodyPublishers.ofString(json)),
                200);
    }

    public void unscriptAll(String printerId) {
        send(request("control/printers/" + printerId + "/responses").DELETE(), 204);
    }

    /**
     * Every relayed answer of the printer declares its whole body but sends only {@code bytes} of it before the
     * connection ends; empty restores whole answers.
     */
    public void cutBody(String printerId, OptionalLong bytes) {
        printer(printerId, "{\"cutBodyAfterBytes\": " + (bytes.isPresent() ? bytes.getAsLong() : "null") + "}");
    }

    /** The relay and the App APIs drop every request for {@code seconds} from now (OctoEverywhere restarting); 0 ends it. */
    public void relayOutage(long seconds) {
        send(
                request("control/relay/outage")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"seconds\": " + seconds + "}")),
                200);
    }

    /** Closes the printer's open push sockets (close code 1011); returns how many. */
    public int dropPush(String printerId) {
        return json(send(
                        request("control/printers/" + printerId + "/push/drop")
                                .POST(HttpRequest.BodyPublishers.noBody()),
                        200))
                .asJsonObject()
                .getInt("dropped");
    }

    /** The push handshakes the relay answered for the printer since the last reset, by status ("101", "601", …). */
    public Map<String, Integer> pushHandshakes(String printerId) {
        JsonObject statuses = json(send(get("control/printers/" + printerId + "/push"), 200))
                .asJsonObject()
                .getJsonObject("statuses");
        Map<String, Integer> counts = new TreeMap<>();
        statuses.forEach((status, n) -> counts.put(status, ((JsonNumber) n).intValue()));
        return counts;
    }

    public void resetPeak() {
        send(request("control/stats/reset-peak").POST(HttpRequest.BodyPublishers.noBody()), 200);
    }

    /** The relay's counts: requests answered for the given connections, and the in-flight peak since the last reset. */
    public RelayCounts counts(Collection<String> connectionIds) {
        JsonObject stats = json(send(get("control/stats"), 200)).asJsonObject();
        JsonObject connections = stats.getJsonObject("connections");
        long requests = 0;
        for (String id : connectionIds) {
            JsonValue counts = connections.get(id);
            if (counts != null) {
                requests += counts.asJsonObject().getJsonNumber("total").longValue();
            }
        }
        return new RelayCounts(requests, stats.getInt("peakInFlight"), stats.getInt("inFlight"));
    }

    /** Requests the relay answered (resets are not counted by the sandbox), the peak and the current in flight. */
    public record RelayCounts(long requests, int peakInFlight, int inFlight) {}

    private HttpRequest.Builder get(String path) {
        return request(path).GET();
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(base.resolve(path))
                .header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(60));
    }

    private String send(HttpRequest.Builder request, int expected) {
        HttpRequest built = request.build();
        try {
            HttpResponse<String> response = http.send(built, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != expected) {
                throw new IllegalStateException("sandbox " + built.method() + " "
                        + built.uri().getPath() + " answered " + response.statusCode() + ": " + response.body());
            }
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "sandbox " + built.method() + " " + built.uri().getPath(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static JsonStructure json(String body) {
        try (var reader = Json.createReader(new StringReader(body))) {
            return reader.read();
        }
    }
}
