package dev.printfarm.appconnection.impl.moonraker;

import static dev.printfarm.appconnection.impl.moonraker.MoonrakerMapperTest.json;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.printfarm.appconnection.api.moonraker.MoonrakerStatus;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** Deltas of {@code notify_status_update} merged into the last full status. */
class StatusMergeTest {

    private static final JsonObject FULL = json("""
            {"print_stats": {"filename": "cube.gcode", "state": "printing", "print_duration": 10.0,
               "info": {"total_layer": 250, "current_layer": 3}},
             "extruder": {"temperature": 214.5, "target": 215.0, "power": 0.4},
             "heater_bed": {"temperature": 59.8, "target": 60.0, "power": 0.3},
             "webhooks": {"state": "ready", "state_message": "Printer is ready"}}
            """);

    @Test
    void aChangedAttributeReplacesItsValueAndEverythingElseStays() {
        JsonObject merged = StatusMerge.merge(FULL, json("{\"extruder\": {\"temperature\": 214.9}}"));
        assertEquals(json("{\"temperature\": 214.9, \"target\": 215.0, \"power\": 0.4}"), merged.get("extruder"));
        assertEquals(FULL.get("print_stats"), merged.get("print_stats"));
        assertEquals(FULL.get("heater_bed"), merged.get("heater_bed"));
        assertEquals(FULL.get("webhooks"), merged.get("webhooks"));
    }

    @Test
    void successiveDeltasAccumulate() {
        JsonObject merged = FULL;
        for (String delta : List.of(
                "{\"print_stats\": {\"print_duration\": 11.0}, \"extruder\": {\"temperature\": 215.2}}",
                "{\"heater_bed\": {\"target\": 0.0, \"power\": 0.0}}",
                "{\"print_stats\": {\"state\": \"paused\"}}")) {
            merged = StatusMerge.merge(merged, json(delta));
        }
        MoonrakerStatus status = MoonrakerMapper.status(merged, OptionalDouble.of(7.0));
        MoonrakerStatus.PrintStats stats = status.printStats().orElseThrow();
        assertEquals(Optional.of("paused"), stats.state());
        assertEquals(OptionalDouble.of(11.0), stats.printDuration());
        assertEquals(Optional.of("cube.gcode"), stats.filename(), "never in a delta, still known");
        assertEquals(OptionalDouble.of(215.2), status.extruder().orElseThrow().temperature());
        assertEquals(OptionalDouble.of(215.0), status.extruder().orElseThrow().target());
        assertEquals(OptionalDouble.of(0.0), status.heaterBed().orElseThrow().target());
        assertEquals(OptionalDouble.of(59.8), status.heaterBed().orElseThrow().temperature());
        assertEquals(Optional.of("ready"), status.webhooks().orElseThrow().state());
    }

    @Test
    void aNestedAttributeIsReplacedWholeAsKlipperSendsIt() {
        JsonObject merged = StatusMerge.merge(FULL, json("""
                {"print_stats": {"info": {"total_layer": 250, "current_layer": 4}}}
                """));
        assertEquals(
                OptionalInt.of(4),
                MoonrakerMapper.status(merged, OptionalDouble.empty())
                        .printStats()
                        .orElseThrow()
                        .currentLayer());
        JsonObject cleared = StatusMerge.merge(FULL, json("{\"print_stats\": {\"info\": {\"total_layer\": null}}}"));
        MoonrakerStatus.PrintStats stats = MoonrakerMapper.status(cleared, OptionalDouble.empty())
                .printStats()
                .orElseThrow();
        assertEquals(OptionalInt.empty(), stats.currentLayer(), "the old info does not shine through");
        assertEquals(OptionalInt.empty(), stats.totalLayer());
    }

    @Test
    void aValueThatTurnsNullBecomesAbsent() {
        JsonObject merged = StatusMerge.merge(
                json("{\"virtual_sdcard\": {\"file_path\": \"/g/cube.gcode\"}}"),
                json("{\"virtual_sdcard\": {\"file_path\": null}}"));
        assertEquals(
                Optional.empty(),
                MoonrakerMapper.status(merged, OptionalDouble.empty())
                        .virtualSdcard()
                        .orElseThrow()
                        .filePath());
    }

    @Test
    void anObjectTheStatusDidNotHaveIsAddedAndMalformedEntriesAreIgnored() {
        JsonObject merged = StatusMerge.merge(FULL, json("""
                {"display_status": {"progress": 0.5}, "webhooks": "not an object", "toolhead": {"homed_axes": "xyz"}}
                """));
        MoonrakerStatus status = MoonrakerMapper.status(merged, OptionalDouble.empty());
        assertEquals(
                OptionalDouble.of(0.5), status.displayStatus().orElseThrow().progress());
        assertEquals(Optional.of("ready"), status.webhooks().orElseThrow().state());
        assertEquals(FULL, StatusMerge.merge(FULL, json("{}")), "an empty delta changes nothing");
    }
}
