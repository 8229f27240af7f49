package dev.printfarm.appconnection.sandbox.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.printfarm.appconnection.sandbox.printer.PrintRun;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class WebhookPayloadTest {

    private static final Instant STARTED = Instant.parse("2026-11-28T10:00:00Z");
    private final PrintRun run = new PrintRun(3, STARTED, Duration.ofSeconds(45), Duration.ofSeconds(100));

    @Test
    void everyKeyOfTheReferenceIsPresentInItsOrder() {
        JsonObject payload = progressPayload();

        assertEquals(
                List.of(
                        "PrinterId",
                        "SecretKey",
                        "PrintId",
                        "EventType",
                        "PrinterName",
                        "SnapshotUrl",
                        "QuickViewUrl",
                        "FileName",
                        "DurationSec",
                        "Progress",
                        "TimeRemainingSec",
                        "ZOffsetMM",
                        "CurrentLayer",
                        "TotalLayers",
                        "Error",
                        "PlatformErrorCode"),
                List.copyOf(payload.keySet()));
        assertEquals(WebhookPayload.KEYS, List.copyOf(payload.keySet()));
    }

    @Test
    void printFieldsComeFromTheRun() {
        JsonObject payload = progressPayload();

        assertEquals("P1", payload.getString("PrinterId"));
        assertTrue(payload.isNull("SecretKey"));
        assertEquals("P1-" + STARTED.toEpochMilli(), payload.getString("PrintId"));
        assertEquals(6, payload.getInt("EventType"));
        assertEquals("Prusa MK4 #1", payload.getString("PrinterName"));
        assertTrue(payload.isNull("SnapshotUrl"));
        assertEquals("http://h/printer/P1", payload.getString("QuickViewUrl"));
        assertEquals("benchy-3.gcode", payload.getString("FileName"));
        assertEquals(45, payload.getInt("DurationSec"));
        assertEquals(45, payload.getInt("Progress"));
        assertEquals(55, payload.getInt("TimeRemainingSec"));
        assertEquals(113, payload.getInt("CurrentLayer"));
        assertEquals(250, payload.getInt("TotalLayers"));
        assertEquals(22.6, payload.getJsonNumber("ZOffsetMM").doubleValue(), 1e-9);
        assertTrue(payload.isNull("Error"));
        assertTrue(payload.isNull("PlatformErrorCode"));
    }

    private JsonObject progressPayload() {
        return WebhookPayload.of("P1", "Prusa MK4 #1", PrintEvent.of(6, Optional.of(run)), "http://h/printer/P1");
    }

    @Test
    void withoutAPrintThePrintFieldsAreNullButPresent() {
        JsonObject payload = WebhookPayload.of(
                "P2", "Voron 2.4 #2", new PrintEvent(16, Optional.empty(), Optional.of("x")), "http://h/printer/P2");

        assertEquals(WebhookPayload.KEYS, List.copyOf(payload.keySet()));
        for (String key : List.of(
                "PrintId",
                "FileName",
                "DurationSec",
                "Progress",
                "TimeRemainingSec",
                "ZOffsetMM",
                "CurrentLayer",
                "TotalLayers",
                "SecretKey",
                "SnapshotUrl",
                "PlatformErrorCode")) {
            assertTrue(payload.isNull(key), key);
        }
        assertEquals("x", payload.getString("Error"));
    }

    @Test
    void overridesReplaceInPlaceAndAddNewKeysAtTheEnd() {
        JsonObject payload = WebhookPayload.of("P1", "n", PrintEvent.of(3, Optional.of(run)), "q");

        JsonObject changed = WebhookPayload.withOverrides(
                payload,
                Json.createObjectBuilder()
                        .add("Error", "Nozzle clog")
                        .add("Progress", 55.5)
                        .add("FutureKey", true)
                        .build());

        assertEquals("Nozzle clog", changed.getString("Error"));
        assertEquals(55.5, changed.getJsonNumber("Progress").doubleValue(), 1e-9);
        assertTrue(changed.getBoolean("FutureKey"));
        assertEquals(WebhookPayload.KEYS.size() + 1, changed.size());
        assertEquals(WebhookPayload.KEYS, List.copyOf(changed.keySet()).subList(0, WebhookPayload.KEYS.size()));
    }
}
