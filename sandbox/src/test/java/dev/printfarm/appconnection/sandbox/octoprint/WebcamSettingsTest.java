package dev.printfarm.appconnection.sandbox.octoprint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.printfarm.appconnection.sandbox.MutableClock;
import dev.printfarm.appconnection.sandbox.config.SandboxSettings;
import dev.printfarm.appconnection.sandbox.printer.EmulatedPrinter;
import dev.printfarm.appconnection.sandbox.printer.LoginSessions;
import dev.printfarm.appconnection.sandbox.printer.OctoPrintVersion;
import dev.printfarm.appconnection.sandbox.printer.PrinterRegistry;
import dev.printfarm.appconnection.sandbox.web.ReceivedBody;
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class WebcamSettingsTest {

    private final MutableClock clock = MutableClock.at("2026-11-28T10:00:00Z");
    private final PrinterRegistry printers = new PrinterRegistry(
            new SandboxSettings(2, Optional.empty(), Duration.ofSeconds(1000), Optional.empty(), 0), clock);
    private final EmulatedPrinter printer = printers.all().get(0);

    @Test
    void settingsCarryTheStockWebcamSectionWithItsPiLocalSnapshotUrl() {
        JsonObject webcam = get("/api/settings").body().getJsonObject("webcam");

        assertEquals("/webcam/?action=stream", webcam.getString("streamUrl"));
        assertEquals("http://127.0.0.1:8080/?action=snapshot", webcam.getString("snapshotUrl"));
        assertTrue(webcam.getBoolean("webcamEnabled"));
        assertFalse(webcam.getBoolean("flipH"));
        assertFalse(webcam.getBoolean("flipV"));
        assertFalse(webcam.getBoolean("rotate90"));
        assertEquals("16:9", webcam.getString("streamRatio"));
        assertFalse(get("/api/settings").body().containsKey("plugins"));
    }

    @Test
    void theEmulated2AlsoHasTheClassicWebcamPluginSettings() {
        version2();

        JsonObject settings = get("/api/settings").body();

        assertEquals("/webcam/?action=stream", settings.getJsonObject("webcam").getString("streamUrl"));
        JsonObject classic = settings.getJsonObject("plugins").getJsonObject("classicwebcam");
        assertEquals("/webcam/?action=stream", classic.getString("stream"));
        assertEquals("http://127.0.0.1:8080/?action=snapshot", classic.getString("snapshot"));
    }

    @Test
    void webcamsListsTheClassicWebcamOnTheEmulated2() {
        version2();

        OctoPrintAnswer answer = get("/api/webcams");

        assertEquals(200, answer.status());
        JsonObject webcam = answer.body().getJsonArray("webcams").getJsonObject(0);
        assertEquals("classic", webcam.getString("name"));
        assertEquals("Classic Webcam", webcam.getString("displayName"));
        assertTrue(webcam.getBoolean("canSnapshot"));
        assertEquals("classicwebcam", webcam.getString("provider"));
        assertEquals(0, webcam.getJsonObject("extras").size());
        JsonObject compat = webcam.getJsonObject("compat");
        assertEquals("/webcam/?action=stream", compat.getString("stream"));
        assertEquals("http://127.0.0.1:8080/?action=snapshot", compat.getString("snapshot"));
        assertEquals("16:9", compat.getString("streamRatio"));
    }

    @Test
    void webcamsIsNotFoundOn1x() {
        assertEquals(404, get("/api/webcams").status());
    }

    @Test
    void everyPassiveLoginIssuesANewSessionThePrinterRemembersUntilItsReset() {
        String first = login().getString("session");
        String second = login().getString("session");

        assertNotEquals(first, second);
        assertEquals(LoginSessions.USER, login().getString("name"));
        assertTrue(printer.sessions().admits("sandbox", first));
        assertTrue(printer.sessions().admits("sandbox", second));
        assertFalse(printer.sessions().admits("someone", first));
        assertFalse(printers.all().get(1).sessions().admits("sandbox", first));

        printers.resetControls();

        assertFalse(printer.sessions().admits("sandbox", first));
    }

    private void version2() {
        printers.update(printer.id(), controls -> controls.withOctoprintVersion(OctoPrintVersion.V2));
    }

    private JsonObject login() {
        byte[] body = "{\"passive\": true}".getBytes(StandardCharsets.UTF_8);
        OctoPrintRequest request = new OctoPrintRequest(
                "POST",
                "/api/login",
                Map.of(),
                Optional.of("application/json"),
                ReceivedBody.of(body),
                Optional.empty(),
                "http://h");
        return OctoPrintApi.answer(request, ApiKeyRule.unchecked(), printer, clock.instant())
                .body();
    }

    private OctoPrintAnswer get(String path) {
        return OctoPrintApi.answer(
                OctoPrintRequest.get(path, Optional.empty()), ApiKeyRule.unchecked(), printer, clock.instant());
    }
}
