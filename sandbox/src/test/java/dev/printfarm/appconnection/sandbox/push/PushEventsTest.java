package dev.printfarm.appconnection.sandbox.push;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.printfarm.appconnection.sandbox.printer.JobFile;
import dev.printfarm.appconnection.sandbox.printer.OctoPrintVersion;
import dev.printfarm.appconnection.sandbox.printer.PrintRun;
import dev.printfarm.appconnection.sandbox.webhook.PrintEvent;
import dev.printfarm.appconnection.sandbox.webhook.PrintWatcher;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PushEventsTest {

    private static final Instant START = Instant.parse("2026-11-28T10:00:00Z");
    private static final PrintRun RUN = new PrintRun(
            1,
            START,
            Duration.ofSeconds(42),
            Duration.ofSeconds(100),
            new JobFile("part.gcode", "folder/part.gcode", "sdcard", 1234, START));

    @Test
    void startPauseResumeAndDoneKeepOctoPrintsNames() {
        assertEquals(List.of("PrintStarted"), types(PrintEvent.PRINT_STARTED, Optional.empty()));
        assertEquals(List.of("PrintPaused"), types(PrintEvent.PRINT_PAUSED, Optional.empty()));
        assertEquals(List.of("PrintResumed"), types(PrintEvent.PRINT_RESUMED, Optional.empty()));
        assertEquals(List.of("PrintDone"), types(PrintEvent.PRINT_COMPLETE, Optional.empty()));
    }

    @Test
    void aCancelledPrintIsCancelledThenFailedWithReasonCancelled() {
        List<JsonObject> events = PushEvents.of(
                new PrintEvent(PrintEvent.PRINT_FAILED, Optional.of(RUN), Optional.of(PrintWatcher.CANCELLED)),
                OctoPrintVersion.V1);

        assertEquals(
                List.of("PrintCancelled", "PrintFailed"),
                events.stream()
                        .map(event -> event.getJsonObject("event").getString("type"))
                        .toList());
        assertEquals("cancelled", payload(events.get(1)).getString("reason"));
        assertEquals(42.0, payload(events.get(0)).getJsonNumber("time").doubleValue());
    }

    @Test
    void aPrintLostToADisconnectFailedWithReasonError() {
        List<JsonObject> events = PushEvents.of(
                new PrintEvent(PrintEvent.PRINT_FAILED, Optional.of(RUN), Optional.of(PrintWatcher.DISCONNECTED)),
                OctoPrintVersion.V1);

        assertEquals(1, events.size());
        assertEquals("error", payload(events.get(0)).getString("reason"));
    }

    @Test
    void thePayloadNamesTheFileWhereTheVersionShowsIt() {
        JsonObject v1 =
                payload(PushEvents.of(PrintEvent.of(PrintEvent.PRINT_STARTED, Optional.of(RUN)), OctoPrintVersion.V1)
                        .get(0));
        JsonObject v2 =
                payload(PushEvents.of(PrintEvent.of(PrintEvent.PRINT_STARTED, Optional.of(RUN)), OctoPrintVersion.V2)
                        .get(0));

        assertEquals("part.gcode", v1.getString("name"));
        assertEquals("folder/part.gcode", v1.getString("path"));
        assertEquals("sdcard", v1.getString("origin"));
        assertEquals(1234, v1.getJsonNumber("size").longValue());
        assertFalse(v1.containsKey("time"));
        assertEquals("printer", v2.getString("origin"));
        assertEquals(
                42.0,
                payload(PushEvents.of(PrintEvent.of(PrintEvent.PRINT_COMPLETE, Optional.of(RUN)), OctoPrintVersion.V1)
                                .get(0))
                        .getJsonNumber("time")
                        .doubleValue());
    }

    @Test
    void progressAndOtherNotificationsHaveNoPushEvent() {
        assertEquals(List.of(), types(PrintEvent.PRINT_PROGRESS, Optional.empty()));
        assertEquals(List.of(), types(PrintEvent.TEST_NOTIFICATION, Optional.empty()));
        assertEquals(
                List.of(),
                PushEvents.of(PrintEvent.of(PrintEvent.PRINT_STARTED, Optional.empty()), OctoPrintVersion.V1));
    }

    private static List<String> types(int eventType, Optional<String> error) {
        return PushEvents.of(new PrintEvent(eventType, Optional.of(RUN), error), OctoPrintVersion.V1).stream()
                .map(event -> event.getJsonObject("event").getString("type"))
                .toList();
    }

    private static JsonObject payload(JsonObject event) {
        return event.getJsonObject("event").getJsonObject("payload");
    }
}
