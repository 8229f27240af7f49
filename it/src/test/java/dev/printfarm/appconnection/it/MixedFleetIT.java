package dev.printfarm.appconnection.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.InputStream;
import java.io.StringReader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A mixed farm in the shipped console: an OctoPrint, a Klipper (Moonraker) and an "other" printer (command API only)
 * connected through the console, each printing a file the operator sent through the console; the console's detail
 * ({@code /console/api/printers/{id}}) and its list (the fleet monitor's snapshots) show each one's platform, state,
 * job progress as the sandbox has it, and its temperatures, and pause and resume work for each.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class MixedFleetIT {

    private static final List<String> KINDS = List.of("octoprint", "moonraker", "other");
    private static final Map<String, String> PLATFORMS =
            Map.of("octoprint", "OCTOPRINT", "moonraker", "MOONRAKER", "other", "OTHER");

    @Deployment(testable = false)
    static EnterpriseArchive farm() {
        return Deployments.farm(Map.of("sandbox.printer-kinds", String.join(",", KINDS), "sandbox.job-seconds", "600"));
    }

    private final FarmConsole console = new FarmConsole();

    private static JsonValue json(String body) {
        try (var reader = Json.createReader(new StringReader(body))) {
            return reader.readValue();
        }
    }

    private JsonObject detail(String id) {
        HttpResponse<String> r = console.get("console/api/printers/" + id);
        assertEquals(200, r.statusCode(), r.body());
        return json(r.body()).asJsonObject();
    }

    private JsonObject card(String id) {
        JsonArray list = json(console.get("console/api/printers").body()).asJsonArray();
        return list.stream()
                .map(JsonValue::asJsonObject)
                .filter(p -> p.getString("id").equals(id))
                .findFirst()
                .orElseThrow();
    }

    private int post(String path, String body) {
        return console.browser
                .send(HttpRequest.newBuilder(console.server.resolve(path))
                        .header("Content-Type", "text/plain")
                        .POST(HttpRequest.BodyPublishers.ofString(body)))
                .statusCode();
    }

    @Test
    void everyKindOfPrinterShowsItsJobProgressAndTemperaturesInTheConsole() {
        Map<String, String> byKind = new LinkedHashMap<>();
        Map<String, String> printerOf = new LinkedHashMap<>();
        for (int i = 0; i < KINDS.size(); i++) {
            JsonObject printer = console.sandbox.printers().getJsonObject(i);
            assertEquals(KINDS.get(i), printer.getString("kind"));
            String id = console.connect(printer.getString("id"));
            byKind.put(KINDS.get(i), id);
            printerOf.put(id, printer.getString("id"));
        }
        byKind.forEach((kind, id) -> {
            // Stop whatever the sandbox's job loop runs, then print the operator's file through the console.
            JsonObject before = detail(id);
            assertEquals(PLATFORMS.get(kind), before.getString("platform"), kind + ": " + before);
            if ("Printing".equals(before.getString("statusText", ""))
                    || "Paused".equals(before.getString("statusText", ""))) {
                assertEquals(204, post("console/api/printers/" + id + "/cancel", ""), kind);
                Await.until(
                        Duration.ofSeconds(10),
                        () -> !"Printing".equals(detail(id).getString("statusText", "")),
                        () -> kind + " did not stop");
            }
            String gcode = "G28\nG1 Z5\n".repeat(2000);
            HttpResponse<String> printed = console.browser.send(HttpRequest.newBuilder(console.server.resolve(
                            "console/api/printers/" + id + "/print?file=mixed-" + kind + ".gcode"))
                    .header("Content-Type", "text/plain")
                    .POST(HttpRequest.BodyPublishers.ofString(gcode)));
            assertEquals(200, printed.statusCode(), kind + ": " + printed.body());
        });

        for (Map.Entry<String, String> e : byKind.entrySet()) {
            String kind = e.getKey();
            String id = e.getValue();
            Await.until(
                    Duration.ofSeconds(15),
                    () -> progress(detail(id)) > 0.5,
                    () -> kind + " shows no progress: " + detail(id));
            JsonObject now = detail(id);
            assertEquals("Printing", now.getString("statusText"), kind + ": " + now);
            assertTrue(now.getJsonObject("job").getString("file").contains("mixed-" + kind), kind + ": " + now);
            double truth = console.sandbox
                    .printer(printerOf.get(id))
                    .getJsonObject("job")
                    .getJsonNumber("progress")
                    .doubleValue();
            assertEquals(truth, progress(now), 3.0, kind + ": the console's progress against the sandbox's " + truth);
            JsonObject temperatures = now.getJsonObject("temperatures");
            assertTrue(
                    temperatures.getJsonArray("tools").size() >= 1
                            && !temperatures
                                    .getJsonArray("tools")
                                    .getJsonObject(0)
                                    .isNull("actual"),
                    kind + " has a hotend temperature: " + temperatures);
            assertTrue(
                    !temperatures.isNull("bed")
                            && !temperatures.getJsonObject("bed").isNull("actual"),
                    kind + " has a bed temperature: " + temperatures);
            assertTrue(now.getJsonArray("features").toString().contains("PRINT_START"), kind + ": " + now);

            // The fleet monitor (5 s cycle) shows the same in the list.
            Await.until(
                    Duration.ofSeconds(15),
                    () -> "Printing".equals(card(id).getString("statusText", "")) && progress(card(id)) > 0,
                    () -> kind + "'s card: " + card(id));

            assertEquals(204, post("console/api/printers/" + id + "/pause", ""), kind);
            Await.until(
                    Duration.ofSeconds(10),
                    () -> "Paused".equals(detail(id).getString("statusText", "")),
                    () -> kind + " did not pause: " + detail(id));
            assertEquals(204, post("console/api/printers/" + id + "/resume", ""), kind);
            Await.until(
                    Duration.ofSeconds(10),
                    () -> "Printing".equals(detail(id).getString("statusText", "")),
                    () -> kind + " did not resume: " + detail(id));
        }
        assertTrue(
                detail(byKind.get("other")).getJsonArray("features").toString().contains("LIGHT"),
                "the other printer has a light, the console may show its switch");
        byKind.values()
                .forEach(id -> console.browser.send(
                        HttpRequest.newBuilder(console.server.resolve("console/api/printers/" + id))
                                .DELETE()));
    }

    /**
     * Each kind offers exactly what its printer said it can (the sandbox's command API reports 32, 63 and 33): the
     * console's detail lists those features and the lights, its home and light endpoints work where the feature is and
     * are refused (409, the command API's 788) where it is not. {@link ConsoleBrowserIT} shows the page does the same.
     */
    @Test
    void theConsoleOffersOnlyTheControlsEachPrinterSupports() throws Exception {
        Map<String, String> byKind = new LinkedHashMap<>();
        for (int i = 0; i < KINDS.size(); i++) {
            byKind.put(
                    KINDS.get(i),
                    console.connect(console.sandbox.printers().getJsonObject(i).getString("id")));
        }
        try {
            // In CommandFeature's order (the bitmask's).
            Map<String, String> features = Map.of(
                    "octoprint",
                    "[\"PRINT_START\"]",
                    "moonraker",
                    "[\"LIGHT\",\"AXIS_MOVEMENT\",\"HOMING\",\"EXTRUSION\",\"TEMPERATURE\",\"PRINT_START\"]",
                    "other",
                    "[\"LIGHT\",\"PRINT_START\"]");
            byKind.forEach((kind, id) -> {
                JsonObject d = detail(id);
                assertEquals(features.get(kind), d.getJsonArray("features").toString(), kind + ": " + d);
                assertTrue(d.isNull("featuresError"), kind + ": " + d);
            });

            String other = byKind.get("other");
            JsonObject light = detail(other).getJsonArray("lights").getJsonObject(0);
            boolean wasOn = light.getBoolean("on");
            assertEquals(
                    204,
                    post(
                            "console/api/printers/" + other + "/light?name=" + light.getString("name") + "&on="
                                    + !wasOn,
                            ""));
            assertEquals(
                    !wasOn,
                    detail(other).getJsonArray("lights").getJsonObject(0).getBoolean("on"),
                    "the light switched, as the printer's status says");
            assertEquals(400, post("console/api/printers/" + other + "/light?on=true", ""), "a light needs its name");
            assertEquals(400, post("console/api/printers/" + other + "/light?name=chamber&on=maybe", ""));

            HttpResponse<String> refused = console.browser.send(
                    HttpRequest.newBuilder(console.server.resolve("console/api/printers/" + other + "/home"))
                            .POST(HttpRequest.BodyPublishers.noBody()));
            assertEquals(409, refused.statusCode(), refused.body());
            assertEquals(
                    "FeatureUnsupportedException",
                    json(refused.body()).asJsonObject().getJsonObject("error").getString("type"),
                    refused.body());
            assertEquals(
                    409,
                    post("console/api/printers/" + byKind.get("octoprint") + "/home", ""),
                    "this OctoPrint's command API has no homing");
            assertEquals(204, post("console/api/printers/" + byKind.get("moonraker") + "/home", ""));

            // The cards' cameras: OctoPrint's own, and the command API's for the printers without OctoPrint.
            HttpClient http =
                    HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            for (var e : byKind.entrySet()) {
                String kind = e.getKey();
                HttpResponse<byte[]> snapshot = http.send(
                        HttpRequest.newBuilder(console.server.resolve("console/webcam/" + e.getValue() + "/snapshot"))
                                .timeout(Duration.ofSeconds(10))
                                .header("Authorization", PortalDriver.operator())
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
                assertEquals(
                        200, snapshot.statusCode(), kind + ": " + new String(snapshot.body(), StandardCharsets.UTF_8));
                assertEquals(
                        "image/jpeg",
                        snapshot.headers().firstValue("Content-Type").orElseThrow(),
                        kind);
                assertTrue(snapshot.body().length > 100 && (snapshot.body()[0] & 0xff) == 0xff, kind + ": a JPEG");
                HttpResponse<InputStream> stream = http.send(
                        HttpRequest.newBuilder(console.server.resolve("console/webcam/" + e.getValue() + "/stream"))
                                .timeout(Duration.ofSeconds(10))
                                .header("Authorization", PortalDriver.operator())
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofInputStream());
                try (InputStream body = stream.body()) {
                    assertEquals(200, stream.statusCode(), kind);
                    String start = new String(body.readNBytes(30_000), StandardCharsets.ISO_8859_1);
                    assertTrue(start.contains("image/jpeg"), kind + ": frames come");
                }
            }
            List<String> commands =
                    console
                            .sandbox
                            .commandCalls(
                                    console.sandbox.printers().getJsonObject(2).getString("id"))
                            .stream()
                            .map(c -> c.asJsonObject().getString("command"))
                            .toList();
            assertTrue(
                    commands.contains("webcam/snapshot") && commands.contains("webcam/stream"),
                    "the other printer's camera came through the command API: " + commands);
        } finally {
            byKind.values()
                    .forEach(id -> console.browser.send(
                            HttpRequest.newBuilder(console.server.resolve("console/api/printers/" + id))
                                    .DELETE()));
        }
    }

    private static double progress(JsonObject printer) {
        JsonValue job = printer.get("job");
        if (!(job instanceof JsonObject j) || !(j.get("progress") instanceof jakarta.json.JsonNumber n)) {
            return -1;
        }
        return n.doubleValue();
    }
}
