package dev.printfarm.appconnection.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The farm console as its operator uses it, through its JSON API: login (form and session, or HTTP Basic), protection
 * against cross-site requests, counts per state, actions, upload and print with the limit check, a pasted OctoPrint
 * API key, and "Enable remote access" for a printer first added by its LAN address. The click-through in a real
 * browser is {@link ConsoleBrowserIT}.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ConsoleOperatorIT {

    @Deployment(testable = false)
    static EnterpriseArchive farm() {
        return Deployments.farm();
    }

    private final FarmConsole console = new FarmConsole();
    private final URI server = console.server;
    private final SandboxClient sandbox = console.sandbox;
    private final PortalDriver anonymous = new PortalDriver();

    /** A browser with cookies: the console's login session. */
    private final class Session {
        final HttpClient http = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();

        HttpResponse<String> send(HttpRequest.Builder request) {
            try {
                return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        HttpResponse<String> login(String user, String password) {
            return send(HttpRequest.newBuilder(server.resolve("console/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("username=" + enc(user) + "&password=" + enc(password))));
        }

        HttpResponse<String> get(String path) {
            return send(HttpRequest.newBuilder(server.resolve(path)).GET());
        }

        HttpResponse<String> post(String path, Map<String, String> headers) {
            HttpRequest.Builder b =
                    HttpRequest.newBuilder(server.resolve(path)).POST(HttpRequest.BodyPublishers.noBody());
            headers.forEach(b::header);
            return send(b);
        }
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static JsonValue json(HttpResponse<String> response) {
        try (var reader = Json.createReader(new StringReader(response.body()))) {
            return reader.readValue();
        }
    }

    private HttpResponse<String> operator(HttpRequest.Builder request) {
        return console.browser.send(request.timeout(Duration.ofSeconds(30)));
    }

    private HttpResponse<String> operatorPost(String path, String contentType, String body) {
        return operator(HttpRequest.newBuilder(server.resolve(path))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private Optional<JsonObject> card(String connectionId) {
        JsonArray printers = json(console.get("console/api/printers")).asJsonArray();
        return printers.stream()
                .map(JsonValue::asJsonObject)
                .filter(p -> p.getString("id").equals(connectionId))
                .findFirst();
    }

    /** Connects a printer through the console, with the portal's OctoPrint API key taken out of the completion. */
    private String connectWithoutApiKey(String printerId, String query) {
        HttpResponse<String> connect = console.get("console/connect" + query);
        assertEquals(302, connect.statusCode(), connect.body());
        URI portal = URI.create(connect.headers().firstValue("Location").orElseThrow());
        URI callback = console.browser.authorize(portal, printerId);
        String withoutKey = PortalDriver.query(callback).entrySet().stream()
                .filter(e -> !e.getKey().equalsIgnoreCase("octoPrintApiKey"))
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
        URI stripped =
                URI.create(callback.toString().substring(0, callback.toString().indexOf('?') + 1) + withoutKey);
        assertEquals(303, console.browser.get(stripped).statusCode());
        return PortalDriver.query(callback).get("id");
    }

    @Test
    void everyPageAndTheApiNeedAnOperatorExceptTheLoginThePortalCallbackAndTheWebhookReceiver() {
        HttpResponse<String> page = anonymous.get(server.resolve("console/"));
        assertEquals(302, page.statusCode());
        assertEquals(
                server + "console/login.html",
                page.headers().firstValue("Location").orElseThrow());
        HttpResponse<String> api = anonymous.get(server.resolve("console/api/printers"));
        assertEquals(401, api.statusCode());
        assertTrue(
                api.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Basic "),
                api.headers().map().toString());
        assertEquals(
                401,
                new PortalDriver("Basic "
                                + Base64.getEncoder().encodeToString("operator:wrong".getBytes(StandardCharsets.UTF_8)))
                        .get(server.resolve("console/api/printers"))
                        .statusCode());
        for (String path : new String[] {"console/connect", "console/webcam/x/snapshot", "console/index.html"}) {
            HttpResponse<String> answer = anonymous.get(server.resolve(path));
            assertEquals(302, answer.statusCode(), path);
            assertEquals(
                    server + "console/login.html",
                    answer.headers().firstValue("Location").orElseThrow(),
                    path);
        }
        assertEquals(200, anonymous.get(server.resolve("console/login.html")).statusCode());
        assertEquals(
                400,
                anonymous.get(server.resolve("console/appconnection/callback")).statusCode(),
                "the callback answers for itself (no state: 400), without a login");
        assertEquals(
                404,
                anonymous
                        .send(HttpRequest.newBuilder(server.resolve("console/appconnection/webhook?token=nope"))
                                .POST(HttpRequest.BodyPublishers.ofString("{}")))
                        .statusCode(),
                "the webhook receiver refuses by itself");
        assertEquals(200, console.get("console/api/printers").statusCode(), "HTTP Basic as the operator");
    }

    @Test
    void aLoginSessionMustSendItsTokenAndNoRequestFromAnotherSiteChangesAnything() {
        String printerId = sandbox.printers().getJsonObject(0).getString("id");
        String id = console.connect(printerId);
        Session session = new Session();
        HttpResponse<String> wrong = session.login("operator", "not-the-password");
        assertEquals(302, wrong.statusCode());
        assertTrue(wrong.headers().firstValue("Location").orElseThrow().endsWith("/login.html?failed"));
        HttpResponse<String> login = session.login("operator", "operator");
        assertEquals(302, login.statusCode());
        assertEquals(server + "console/", login.headers().firstValue("Location").orElseThrow());
        JsonObject me = json(session.get("console/api/session")).asJsonObject();
        assertEquals("operator", me.getString("user"));
        assertEquals("demo-farm", me.getString("farm"));
        String token = me.getString("csrfToken");
        assertTrue(token.length() >= 40, token);

        String pause = "console/api/printers/" + id + "/pause";
        assertEquals(403, session.post(pause, Map.of()).statusCode(), "a session without the token");
        assertEquals(
                403, session.post(pause, Map.of("X-CSRF-Token", "x" + token)).statusCode(), "a wrong token");
        assertEquals(
                403,
                session.post(pause, Map.of("X-CSRF-Token", token, "Origin", "http://elsewhere.example"))
                        .statusCode(),
                "another site with the token");
        assertEquals(
                403,
                session.post(pause, Map.of("X-CSRF-Token", token, "Sec-Fetch-Site", "cross-site"))
                        .statusCode());
        assertEquals("Printing", sandbox.printer(printerId).getString("state"), "nothing reached the printer");
        assertEquals(
                403,
                operator(HttpRequest.newBuilder(server.resolve(pause))
                                .header("Origin", "http://elsewhere.example")
                                .POST(HttpRequest.BodyPublishers.noBody()))
                        .statusCode(),
                "a browser's cached Basic login from another site");

        HttpResponse<String> paused = session.post(
                pause, Map.of("X-CSRF-Token", token, "Origin", server.toString().replaceAll("/$", "")));
        assertEquals(204, paused.statusCode(), paused.body());
        assertEquals("Paused", sandbox.printer(printerId).getString("state"));
        HttpResponse<String> resumed = operatorPost("console/api/printers/" + id + "/resume", "text/plain", "");
        assertEquals(204, resumed.statusCode(), "a script with HTTP Basic needs no token: " + resumed.body());
        assertEquals("Printing", sandbox.printer(printerId).getString("state"));

        assertEquals(302, session.post("console/logout", Map.of()).statusCode());
        assertEquals(401, session.get("console/api/session").statusCode(), "logged out");
    }

    @Test
    void fleetCountsEveryStateAndTheListCarriesTheDocumentedFields() {
        String printerId = sandbox.printers().getJsonObject(0).getString("id");
        String id = console.connect(printerId);
        Await.until(
                Duration.ofSeconds(15),
                () -> card(id).filter(c -> !c.isNull("job")).isPresent(),
                () -> "the fleet monitor gave no snapshot of " + id + ": " + card(id));
        JsonObject fleet = json(console.get("console/api/fleet")).asJsonObject();
        JsonObject states = fleet.getJsonObject("states");
        for (String state :
                new String[] {"ONLINE", "PRINTER_OFFLINE", "SUSPENDED", "REVOKED", "INVALID_CREDENTIALS", "UNKNOWN"}) {
            assertTrue(states.containsKey(state), state + " in " + fleet);
        }
        int sum = states.values().stream()
                .mapToInt(v -> ((JsonNumber) v).intValue())
                .sum();
        assertEquals(fleet.getInt("total"), sum, fleet.toString());
        assertEquals(json(console.get("console/api/printers")).asJsonArray().size(), fleet.getInt("total"));
        assertTrue(states.getInt("ONLINE") >= 1, fleet.toString());

        JsonObject card = card(id).orElseThrow();
        for (String field : new String[] {
            "id", "name", "state", "route", "job", "temperatures", "remedy", "gadget", "error", "hasOctoPrintApiKey"
        }) {
            assertTrue(card.containsKey(field), field + " in " + card);
        }
        assertEquals("Printing", card.getJsonObject("job").getString("statusText"));
        JsonObject bed = card.getJsonObject("temperatures").getJsonObject("bed");
        assertEquals(60.0, bed.getJsonNumber("target").doubleValue(), 0.01, card.toString());
        assertEquals(
                "tool0",
                card.getJsonObject("temperatures")
                        .getJsonArray("tools")
                        .getJsonObject(0)
                        .getString("name"));

        JsonObject detail = json(console.get("console/api/printers/" + id)).asJsonObject();
        assertEquals("1.10.3", detail.getString("octoprintVersion"));
        assertTrue(
                detail.getJsonObject("temperatures")
                                .getJsonObject("bed")
                                .getJsonNumber("actual")
                                .doubleValue()
                        > 20,
                detail.toString());
    }

    @Test
    void uploadAndPrintChecksTheAccountLimitFirstThenPrints() {
        String printerId = sandbox.printers().getJsonObject(1).getString("id");
        String id = console.connect(printerId);
        String gcode = "G28\nG1 X10 Y10 F3000\n".repeat(200);
        sandbox.control(printerId, "{\"limits\": {\"maxUploadBytes\": 1000}}");
        try {
            assertEquals(
                    1000,
                    json(console.get("console/api/printers/" + id + "/limits"))
                            .asJsonObject()
                            .getInt("maxUploadBytes"));
            HttpResponse<String> over = operatorPost(
                    "console/api/printers/" + id + "/print?file=big.gcode", "application/octet-stream", gcode);
            assertEquals(413, over.statusCode(), over.body());
            assertEquals(
                    "TransferLimitException",
                    json(over).asJsonObject().getJsonObject("error").getString("type"));
            assertEquals(0, sandbox.uploadBytes(id), "nothing was sent to the printer");
        } finally {
            sandbox.control(printerId, "{\"limits\": null}");
        }
        // Reading the limits, as the page does before each upload, also refreshes what the module knows of them.
        JsonObject limits =
                json(console.get("console/api/printers/" + id + "/limits")).asJsonObject();
        assertTrue(limits.getJsonNumber("maxUploadBytes").longValue() > 1000, limits.toString());
        assertEquals(
                400,
                operatorPost(
                                "console/api/printers/" + id + "/print?file=..%2Fescape.gcode",
                                "application/octet-stream",
                                gcode)
                        .statusCode());
        HttpResponse<String> printed = operatorPost(
                "console/api/printers/" + id + "/print?file=farm-cube.gcode", "application/octet-stream", gcode);
        assertEquals(200, printed.statusCode(), printed.body());
        assertTrue(json(printed).asJsonObject().getBoolean("printing"), printed.body());
        assertEquals(
                "farm-cube.gcode",
                sandbox.printer(printerId).getJsonObject("job").getString("file"));
        assertEquals(
                204,
                operatorPost("console/api/printers/" + id + "/cancel", "text/plain", "")
                        .statusCode());

        HttpResponse<String> link = operatorPost("console/api/printers/" + id + "/live-link", "text/plain", "");
        assertEquals(200, link.statusCode(), link.body());
        assertTrue(json(link).asJsonObject().getString("url").contains("/live/"), link.body());

        assertEquals(
                204,
                operator(HttpRequest.newBuilder(server.resolve("console/api/printers/" + id))
                                .DELETE())
                        .statusCode());
        assertTrue(card(id).isEmpty(), "removed from the list");
        assertEquals(
                404,
                operatorPost("console/api/printers/" + id + "/pause", "text/plain", "")
                        .statusCode());
    }

    @Test
    void aPastedOctoPrintApiKeyIsStoredAndOpensTheLanRoute() {
        String printerId = sandbox.printers().getJsonObject(2).getString("id");
        String id = connectWithoutApiKey(printerId, "");
        JsonObject card = card(id).orElseThrow();
        assertFalse(card.getBoolean("hasOctoPrintApiKey"));
        assertEquals("api-key", card.getJsonObject("remedy").getString("action"), card.toString());

        String path = "console/api/printers/" + id + "/octoprint-api-key";
        HttpResponse<String> bad = operator(HttpRequest.newBuilder(server.resolve(path))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"apiKey\": \"has a space-secret\"}")));
        assertEquals(400, bad.statusCode());
        assertFalse(bad.body().contains("space-secret"), "the answer never repeats the key: " + bad.body());
        String userKey = sandbox.printer(printerId).getString("userApiKey");
        HttpResponse<String> stored = operator(HttpRequest.newBuilder(server.resolve(path))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"apiKey\": \"" + userKey + "\"}")));
        assertEquals(204, stored.statusCode(), stored.body());
        JsonObject after = card(id).orElseThrow();
        assertTrue(after.getBoolean("hasOctoPrintApiKey"));
        assertTrue(after.isNull("remedy"), after.toString());
        // Only the printer's own key opens its LAN face: the route turns LAN once the probes succeed with it.
        Await.until(
                Duration.ofSeconds(40),
                () -> "LAN"
                        .equals(json(console.get("console/api/printers/" + id))
                                .asJsonObject()
                                .getString("route")),
                () -> "still on the relay: " + card(id));
    }

    @Test
    void enableRemoteAccessPreselectsTheDiscoveredPrinterAndAttachesTheConnectionToTheLanRecord() {
        JsonObject printer = sandbox.printers().getJsonObject(2);
        String printerId = printer.getString("id");
        String lanUrl = server + "sandbox/lan/" + printerId;
        HttpResponse<String> added = operatorPost(
                "console/api/lan-printers",
                "application/json",
                Json.createObjectBuilder()
                        .add("name", "Bench printer")
                        .add("url", lanUrl)
                        .add("apiKey", printer.getString("userApiKey"))
                        .build()
                        .toString());
        assertEquals(201, added.statusCode(), added.body());
        JsonObject lan = json(added).asJsonObject();
        assertFalse(added.body().contains(printer.getString("userApiKey")), "the key is never shown");
        assertEquals("FOUND", lan.getJsonObject("discovery").getString("outcome"), added.body());
        assertEquals(printerId, lan.getJsonObject("discovery").getString("printerId"));

        HttpResponse<String> connect = console.get("console/connect?lanPrinter=" + lan.getString("id"));
        assertEquals(302, connect.statusCode());
        URI portal = URI.create(connect.headers().firstValue("Location").orElseThrow());
        assertEquals(printerId, PortalDriver.query(portal).get("printerId"), "the portal preselects the printer");
        int cardsBefore =
                json(console.get("console/api/printers")).asJsonArray().size();
        String id = connectWithoutApiKey(printerId, "?lanPrinter=" + lan.getString("id"));

        JsonObject attached = json(console.get("console/api/lan-printers")).asJsonArray().stream()
                .map(JsonValue::asJsonObject)
                .filter(l -> l.getString("id").equals(lan.getString("id")))
                .findFirst()
                .orElseThrow();
        assertEquals(id, attached.getString("connectionId"), "the new connection belongs to the LAN record");
        assertEquals(
                cardsBefore + 1,
                json(console.get("console/api/printers")).asJsonArray().size(),
                "one new card");
        assertTrue(
                card(id).orElseThrow().getBoolean("hasOctoPrintApiKey"),
                "the portal made no key, so the LAN record's key was stored with the connection");
        Await.until(
                Duration.ofSeconds(40),
                () -> "LAN"
                        .equals(json(console.get("console/api/printers/" + id))
                                .asJsonObject()
                                .getString("route")),
                () -> "the LAN record's key does not open the LAN: " + card(id));

        sandbox.control(printerId, "{\"plugin\": false}");
        try {
            HttpResponse<String> missing = operatorPost(
                    "console/api/lan-printers",
                    "application/json",
                    Json.createObjectBuilder()
                            .add("name", "No plugin")
                            .add("url", lanUrl)
                            .add("apiKey", "k")
                            .build()
                            .toString());
            assertEquals(201, missing.statusCode(), missing.body());
            JsonObject discovery = json(missing).asJsonObject().getJsonObject("discovery");
            assertEquals("PLUGIN_MISSING", discovery.getString("outcome"));
            assertTrue(discovery.getString("help").contains("Plugin Manager"), discovery.toString());
        } finally {
            sandbox.control(printerId, "{\"plugin\": true}");
        }
        assertEquals(
                400,
                operatorPost(
                                "console/api/lan-printers",
                                "application/json",
                                "{\"name\": \"x\", \"url\": \"ftp://printer\", \"apiKey\": \"k\"}")
                        .statusCode());
    }
}
