package dev.printfarm.appconnection.sandbox.push;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.printfarm.appconnection.sandbox.MutableClock;
import dev.printfarm.appconnection.sandbox.config.SandboxSettings;
import dev.printfarm.appconnection.sandbox.octoprint.job.JobApi;
import dev.printfarm.appconnection.sandbox.printer.EmulatedPrinter;
import dev.printfarm.appconnection.sandbox.printer.OctoPrintVersion;
import dev.printfarm.appconnection.sandbox.printer.PrinterRegistry;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PushFramesTest {

    private final MutableClock clock = MutableClock.at("2026-11-28T10:00:00Z");
    private final PrinterRegistry printers = new PrinterRegistry(
            new SandboxSettings(2, Optional.empty(), Duration.ofSeconds(100), Optional.empty(), 0), clock);
    private final EmulatedPrinter printing = printers.all().get(0);
    private final EmulatedPrinter idle = printers.all().get(1);

    @Test
    void connectedTellsTheVersionAndNothingSecret() {
        JsonObject connected =
                PushFrames.connected(printing, OctoPrintVersion.V1).getJsonObject("connected");

        assertEquals("1.10.3", connected.getString("version"));
        assertEquals("1.10.3", connected.getString("display_version"));
        assertTrue(connected.isNull("apikey"));
        assertTrue(connected.isNull("branch"));
        assertTrue(connected.isNull("safe_mode"));
        assertFalse(connected.getBoolean("debug"));
        assertEquals(32, connected.getString("plugin_hash").length());
        assertEquals(32, connected.getString("config_hash").length());
        assertEquals(0, connected.getJsonArray("permissions").size());
        assertEquals(
                "2.0.0",
                PushFrames.connected(printing, OctoPrintVersion.V2)
                        .getJsonObject("connected")
                        .getString("version"));
    }

    @Test
    void currentHasOctoPrintsKeysAndAgreesWithTheJobEndpoint() {
        clock.advance(Duration.ofSeconds(25));
        Instant now = clock.instant();

        JsonObject current = PushFrames.current(printing.octoPrintAt(now), now).getJsonObject("current");

        assertEquals(
                Set.of(
                        "state",
                        "job",
                        "progress",
                        "currentZ",
                        "offsets",
                        "resends",
                        "temps",
                        "logs",
                        "messages",
                        "busyFiles",
                        "serverTime"),
                current.keySet());
        JsonObject job = JobApi.job(printing.octoPrintAt(now));
        assertEquals(job.getJsonObject("job"), current.getJsonObject("job"));
        assertEquals(job.getJsonObject("progress"), current.getJsonObject("progress"));
        assertEquals(
                25.0,
                current.getJsonObject("progress").getJsonNumber("completion").doubleValue(),
                1e-9);
        JsonObject flags = current.getJsonObject("state").getJsonObject("flags");
        assertEquals("Printing", current.getJsonObject("state").getString("text"));
        assertTrue(flags.getBoolean("printing"));
        assertTrue(flags.getBoolean("operational"));
        assertFalse(flags.getBoolean("ready"));
        for (String flag : new String[] {"paused", "pausing", "cancelling", "error", "closedOrError", "sdReady"}) {
            assertFalse(flags.getBoolean(flag), flag);
        }
        assertEquals(12.6, current.getJsonNumber("currentZ").doubleValue(), 1e-9);
        assertEquals(0, current.getJsonObject("offsets").size());
        assertEquals(0, current.getJsonArray("logs").size());
        assertEquals(0, current.getJsonArray("messages").size());
        assertEquals(
                "benchy-1.gcode",
                current.getJsonArray("busyFiles").getJsonObject(0).getString("path"));
        assertEquals(now.getEpochSecond(), current.getJsonNumber("serverTime").longValue());
    }

    @Test
    void currentCarriesOneTemperatureSampleOfNow() {
        Instant now = clock.instant();

        JsonArray temps = PushFrames.current(printing.octoPrintAt(now), now)
                .getJsonObject("current")
                .getJsonArray("temps");

        assertEquals(1, temps.size());
        JsonObject sample = temps.getJsonObject(0);
        assertEquals(now.getEpochSecond(), sample.getJsonNumber("time").longValue());
        assertEquals(
                215.0, sample.getJsonObject("tool0").getJsonNumber("target").doubleValue());
        assertEquals(60.0, sample.getJsonObject("bed").getJsonNumber("target").doubleValue());
        assertTrue(sample.getJsonObject("tool0").containsKey("actual"));
    }

    @Test
    void theProgressAdvancesWithTheJob() {
        double before = completion(clock.instant());
        clock.advance(Duration.ofSeconds(10));

        assertEquals(before + 10.0, completion(clock.instant()), 1e-9);
    }

    @Test
    void anIdlePrinterHasNoProgressNoHeightAndNoBusyFile() {
        Instant now = clock.instant();

        JsonObject current = PushFrames.current(idle.octoPrintAt(now), now).getJsonObject("current");

        assertEquals("Operational", current.getJsonObject("state").getString("text"));
        assertTrue(current.getJsonObject("state").getJsonObject("flags").getBoolean("ready"));
        assertTrue(current.getJsonObject("progress").isNull("completion"));
        assertTrue(current.isNull("currentZ"));
        assertEquals(0, current.getJsonArray("busyFiles").size());
    }

    @Test
    void historyCarriesTheLastThirtySamplesTwoSecondsApartEndingNow() {
        clock.advance(Duration.ofSeconds(120));
        Instant now = clock.instant();

        JsonObject history = PushFrames.history(printing.octoPrintAt(now), printing::octoPrintAt, now)
                .getJsonObject("history");

        JsonArray temps = history.getJsonArray("temps");
        assertEquals(PushFrames.HISTORY_SAMPLES, temps.size());
        assertEquals(
                now.minusSeconds(58).getEpochSecond(),
                temps.getJsonObject(0).getJsonNumber("time").longValue());
        assertEquals(
                now.getEpochSecond(),
                temps.getJsonObject(29).getJsonNumber("time").longValue());
        assertEquals("Printing", history.getJsonObject("state").getString("text"));
        assertTrue(history.containsKey("logs"));
        assertTrue(history.containsKey("messages"));
    }

    @Test
    void eventsNameTheirTypeAndPayload() {
        JsonObject event = PushFrames.event(
                        "PrintStarted",
                        jakarta.json.Json.createObjectBuilder()
                                .add("name", "a.gcode")
                                .build())
                .getJsonObject("event");

        assertEquals("PrintStarted", event.getString("type"));
        assertEquals("a.gcode", event.getJsonObject("payload").getString("name"));
    }

    private double completion(Instant at) {
        return PushFrames.current(printing.octoPrintAt(at), at)
                .getJsonObject("current")
                .getJsonObject("progress")
                .getJsonNumber("completion")
                .doubleValue();
    }
}
