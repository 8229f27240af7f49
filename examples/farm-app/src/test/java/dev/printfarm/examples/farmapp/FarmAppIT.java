package dev.printfarm.examples.farmapp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The example as a user meets it, over HTTP only: the example's server (started by the build) with the sandbox beside
 * it. A browser starts the portal flow at the example, authorizes a sandbox printer in the sandbox's portal, returns
 * through the module's callback; then the example lists the printer and shows its job as the sandbox reports it.
 * Knows nothing of the server product: {@code example.url} and {@code example.sandbox.url} say where both run.
 */
class FarmAppIT {

    private static final URI APP =
            URI.create(System.getProperty("example.url", "http://localhost:9830/farm-app") + "/");
    private static final URI SANDBOX =
            URI.create(System.getProperty("example.sandbox.url", "http://localhost:9830/sandbox") + "/");
    private static final Duration STARTUP = Duration.ofMinutes(3);

    /** A browser: keeps cookies (the module binds the flow to the browser that started it), follows no redirect. */
    private final HttpClient browser = HttpClient.newBuilder()
            .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
            .followRedirects(HttpClient.Redirect.NEVER)
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    @BeforeAll
    static void bothApplicationsAnswer() throws InterruptedException {
        HttpClient http =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        Instant deadline = Instant.now().plus(STARTUP);
        for (URI ready : new URI[] {APP.resolve("api/printers"), SANDBOX.resolve("control/printers")}) {
            while (status(http, ready) != 200) {
                if (Instant.now().isAfter(deadline)) {
                    throw new AssertionError(ready + " did not answer 200 within " + STARTUP);
                }
                Thread.sleep(500);
            }
        }
    }

    @Test
    void aPrinterConnectedThroughThePortalShowsItsJobThroughTheExample() {
        String owner = "it-" + System.nanoTime();
        JsonObject printer = Json.createReader(new StringReader(
                        get(SANDBOX.resolve("control/printers")).body()))
                .readArray()
                .getJsonObject(0);
        String printerId = printer.getString("id");

        // 1. The example sends the browser to the portal, with the cookie that binds the flow to it.
        HttpResponse<String> connect = get(APP.resolve("api/connect?owner=" + owner));
        assertEquals(303, connect.statusCode(), connect.body());
        URI portal = URI.create(connect.headers().firstValue("Location").orElseThrow());
        assertTrue(portal.toString().startsWith(SANDBOX.toString()), "portal " + portal);

        // 2. The user authorizes the printer in the (sandbox) portal, which sends the browser to the module's callback.
        assertEquals(200, get(portal).statusCode(), "the portal page");
        Map<String, String> form = new LinkedHashMap<>(query(portal));
        form.put("printerId", printerId);
        HttpResponse<String> authorized = post(portal.resolve("authorize"), form);
        assertEquals(302, authorized.statusCode(), authorized.body());
        URI callback = URI.create(authorized.headers().firstValue("Location").orElseThrow());
        assertTrue(callback.toString().startsWith(APP.toString()), "callback " + callback);

        // 3. The callback stores the connection and sends the browser on to the application (303).
        HttpResponse<String> stored = get(callback);
        assertEquals(303, stored.statusCode(), stored.body());
        String connectionId = query(callback).get("id");

        // 4. The example lists it for its owner...
        JsonObject listed = Json.createReader(new StringReader(
                        get(APP.resolve("api/printers?owner=" + owner)).body()))
                .readObject();
        assertEquals(1, listed.getJsonArray("printers").size(), listed.toString());
        JsonObject entry = listed.getJsonArray("printers").getJsonObject(0);
        assertEquals(connectionId, entry.getString("id"));
        assertEquals(printer.getString("name"), entry.getString("name"));

        // 5. The printer prints (if it is idle, someone starts a print at it: its LAN face, with a key made by hand)...
        JsonObject atPrinter = controlPrinter(printerId);
        if (atPrinter.isNull("job") || atPrinter.getJsonObject("job").isNull("file")) {
            HttpResponse<String> started = send(HttpRequest.newBuilder(
                            SANDBOX.resolve("lan/" + printerId + "/api/files/local/calibration-cube.gcode"))
                    .header("X-Api-Key", printer.getString("userApiKey"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"command\": \"select\", \"print\": true}")));
            assertEquals(204, started.statusCode(), started.body());
            atPrinter = controlPrinter(printerId);
        }
        String file = atPrinter.getJsonObject("job").getString("file");

        // 6. ...and the example shows that job, fetched through the relay.
        HttpResponse<String> job = get(APP.resolve("api/printers/" + connectionId + "/job"));
        assertEquals(200, job.statusCode(), job.body());
        JsonObject shown = Json.createReader(new StringReader(job.body())).readObject();
        assertEquals(file, shown.getString("file", null), shown.toString());
        assertEquals(atPrinter.getString("state"), shown.getString("status", null), shown.toString());
        assertTrue(shown.containsKey("progress"), shown.toString());
    }

    @Test
    void anUnknownPrinterIsA404() {
        assertEquals(
                404, get(APP.resolve("api/printers/no-such-connection/job")).statusCode());
    }

    /** The printer as the sandbox's control API shows it. */
    private JsonObject controlPrinter(String printerId) {
        return Json.createReader(new StringReader(
                        get(SANDBOX.resolve("control/printers/" + printerId)).body()))
                .readObject();
    }

    private HttpResponse<String> get(URI url) {
        return send(HttpRequest.newBuilder(url).GET());
    }

    private HttpResponse<String> post(URI url, Map<String, String> form) {
        StringJoiner body = new StringJoiner("&");
        form.forEach((k, v) -> body.add(
                URLEncoder.encode(k, StandardCharsets.UTF_8) + "=" + URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return send(HttpRequest.newBuilder(url)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return browser.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static int status(HttpClient http, URI url) throws InterruptedException {
        try {
            return http.send(
                            HttpRequest.newBuilder(url)
                                    .timeout(Duration.ofSeconds(10))
                                    .build(),
                            HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (IOException e) {
            return -1;
        }
    }

    private static Map<String, String> query(URI url) {
        Map<String, String> map = new LinkedHashMap<>();
        String raw = url.getRawQuery();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                String[] kv = pair.split("=", 2);
                map.put(
                        URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                        kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
            }
        }
        return map;
    }
}
