package dev.printfarm.appconnection.impl.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.printfarm.appconnection.api.appapi.NotificationEvent;
import dev.printfarm.appconnection.api.event.PrinterNotification;
import dev.printfarm.appconnection.impl.json.WireJson;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class WebhookPayloadTest {

    private static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");

    /** A payload as OctoEverywhere posts it, read by the module's JSON policy. */
    private static OctoEverywhereNotification json(String text) {
        return WireJson.read(text, OctoEverywhereNotification.class);
    }

    @Test
    void everyDocumentedKeyIsRead() {
        PrinterNotification n = WebhookPayload.parse("conn", json("""
                {"PrinterId": "p1", "SecretKey": null, "PrintId": "p1-123", "EventType": 6, "PrinterName": "Prusa",
                 "SnapshotUrl": "https://example.com/snap.jpg", "QuickViewUrl": "https://example.com/q",
                 "FileName": "cube.gcode", "DurationSec": 125, "Progress": 40, "TimeRemainingSec": 300.5,
                 "ZOffsetMM": 0.2, "CurrentLayer": 12, "TotalLayers": 250, "Error": null, "PlatformErrorCode": "E1"}
                """), NOW);
        assertEquals(NotificationEvent.PRINT_PROGRESS, n.event());
        assertEquals(6, n.eventCode());
        assertEquals(Optional.of("p1-123"), n.printId());
        assertEquals(Optional.of("Prusa"), n.printerName());
        assertEquals(Optional.of("cube.gcode"), n.fileName());
        assertEquals(40.0, n.progress().getAsDouble());
        assertEquals(Optional.of(Duration.ofSeconds(125)), n.duration());
        assertEquals(Optional.of(Duration.ofMillis(300_500)), n.timeRemaining());
        assertEquals(0.2, n.zOffsetMm().getAsDouble());
        assertEquals(12, n.currentLayer().getAsInt());
        assertEquals(250, n.totalLayers().getAsInt());
        assertEquals(Optional.empty(), n.error());
        assertEquals(Optional.of("E1"), n.platformErrorCode());
        assertEquals(
                "https://example.com/snap.jpg", n.snapshotUrl().orElseThrow().toString());
        assertTrue(n.extra().isEmpty(), n.extra().toString());
        assertEquals(NOW, n.receivedAt());
    }

    @Test
    void unknownEventNumbersAndUnknownKeysAreKept() {
        PrinterNotification n = WebhookPayload.parse("conn", json("""
                {"eventtype": "99", "NewThing": {"a": 1}, "Flag": true, "SecretKey": "user-secret"}"""), NOW);
        assertEquals(NotificationEvent.UNKNOWN, n.event());
        assertEquals(99, n.eventCode());
        assertEquals("{\"a\":1}", n.extra().get("NewThing"));
        assertEquals("true", n.extra().get("Flag"));
        assertFalse(n.extra().containsKey("SecretKey"), "a user webhook's secret key is never passed on");
        assertFalse(n.toString().contains("user-secret"));
    }

    @Test
    void valuesOfTheWrongKindAreLeftOutNotFatal() {
        PrinterNotification n = WebhookPayload.parse("conn", json("""
                {"EventType": 2, "Progress": 140, "DurationSec": -3, "CurrentLayer": 1.5, "PrinterId": 42,
                 "SnapshotUrl": "javascript:alert(1)", "FileName": ["x"]}"""), NOW);
        assertEquals(NotificationEvent.PRINT_COMPLETE, n.event());
        assertTrue(n.progress().isEmpty());
        assertTrue(n.duration().isEmpty());
        assertTrue(n.currentLayer().isEmpty());
        assertEquals(Optional.of("42"), n.printerId());
        assertTrue(n.snapshotUrl().isEmpty());
        assertTrue(n.fileName().isEmpty());
    }

    @Test
    void aPayloadWithoutAnEventNumberIsRefused() {
        assertThrows(
                IllegalArgumentException.class, () -> WebhookPayload.parse("c", json("{\"PrinterId\": \"p\"}"), NOW));
        assertThrows(
                IllegalArgumentException.class,
                () -> WebhookPayload.parse("c", json("{\"EventType\": \"soon\"}"), NOW));
        assertThrows(
                IllegalArgumentException.class, () -> WebhookPayload.parse("c", json("{\"EventType\": 2.5}"), NOW));
    }

    @Test
    void theTokenIsTakenFromTheRawQueryOnlyWhenItIsThereOnce() {
        assertEquals(Optional.of("abc"), WebhookServlet.token("token=abc"));
        assertEquals(Optional.of("abc"), WebhookServlet.token("x=1&token=abc"));
        assertEquals(Optional.empty(), WebhookServlet.token("token=abc&token=abd"));
        assertEquals(Optional.empty(), WebhookServlet.token("tokens=abc"));
        assertEquals(Optional.empty(), WebhookServlet.token("token=%zz"));
        assertEquals(Optional.empty(), WebhookServlet.token(null));
    }

    @Test
    void aDeliveryIsIdentifiedByItsConnectionAndExactBody() {
        byte[] body = "{\"EventType\":1}".getBytes(StandardCharsets.UTF_8);
        assertEquals(WebhookReceiver.digest("a", body), WebhookReceiver.digest("a", body.clone()));
        assertNotEquals(WebhookReceiver.digest("a", body), WebhookReceiver.digest("b", body));
        assertNotEquals(
                WebhookReceiver.digest("a", body),
                WebhookReceiver.digest("a", "{\"EventType\":1} ".getBytes(StandardCharsets.UTF_8)));
        // The separator keeps "ab"+"c" apart from "a"+"bc".
        assertNotEquals(
                WebhookReceiver.digest("ab", "c".getBytes(StandardCharsets.UTF_8)),
                WebhookReceiver.digest("a", "bc".getBytes(StandardCharsets.UTF_8)));
    }
}
