package dev.printfarm.appconnection.sandbox.moonraker;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StatusDeltaTest {

    @Test
    void onlyChangedAttributesOfKnownObjectsAndWholeNewObjectsAreSent() {
        Map<String, JsonObject> before = Map.of(
                "print_stats", json("{\"state\": \"printing\", \"print_duration\": 1.0}"),
                "extruder", json("{\"target\": 215.0}"));
        JsonObject now = json("{\"print_stats\": {\"state\": \"printing\", \"print_duration\": 2.0}, "
                + "\"extruder\": {\"target\": 215.0}, \"heater_bed\": {\"target\": 60.0}}");

        assertEquals(
                json("{\"print_stats\": {\"print_duration\": 2.0}, \"heater_bed\": {\"target\": 60.0}}"),
                StatusDelta.changes(before, now));
    }

    @Test
    void nothingChangedIsAnEmptyDelta() {
        JsonObject stats = json("{\"state\": \"standby\"}");

        assertEquals(
                JsonObject.EMPTY_JSON_OBJECT,
                StatusDelta.changes(Map.of("print_stats", stats), json("{\"print_stats\": {\"state\": \"standby\"}}")));
    }

    private static JsonObject json(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }
}
