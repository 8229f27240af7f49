package dev.printfarm.appconnection.impl.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.bind.annotation.JsonbProperty;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The reading policy, one tolerance a test. */
class WireJsonTest {

    public record Scalars(
            String text, Boolean flag, Double decimal, Long whole, Integer count, Instant at, Duration took) {}

    public record Part(String name, Integer size) {}

    public record Parts(List<Part> parts, Map<String, Part> byName, List<String> names) {}

    public record Renamed(@JsonbProperty("klippy_state") String klippyState, String printerName) {}

    public record Heaters(List<Double> history, @OtherKeys Map<String, Part> others) {}

    public record Error(Integer code, @FromText String message) {}

    public record Failed(Error error) {}

    public record Permission(@KeepBlank String permissions) {}

    public record Nested(Nested child, String name) {}

    public record Wrapped<T>(T result) {}

    @Test
    void unknownKeysAreIgnored() {
        assertEquals(
                new Part("a", 1),
                WireJson.read("{\"name\": \"a\", \"size\": 1, \"_future\": {\"x\": [1]}}", Part.class));
    }

    @Test
    void numbersMayComeAsStringsAndFloatsThatAreWholeAreWhole() {
        Scalars s = WireJson.read("""
                {"decimal": " 31268536320.5 ", "whole": "21474312192", "count": 2.0, "text": 7}""", Scalars.class);
        assertEquals(31268536320.5, s.decimal());
        assertEquals(21474312192L, s.whole());
        assertEquals(2, s.count());
        assertEquals("7", s.text(), "a number where a text is expected is its text");
    }

    @Test
    void valuesOfTheWrongTypeAreAbsent() {
        Scalars s = WireJson.read("""
                {"text": {"a": 1}, "flag": 1, "decimal": "hot", "whole": 2.5, "count": [1], "at": true,
                 "took": -1}""", Scalars.class);
        assertEquals(new Scalars(null, null, null, null, null, null, null), s);
        assertNull(WireJson.read("{\"part\": \"yes\"}", Failed.class).error());
    }

    @Test
    void flagsMayComeAsStringsAndBlankTextIsAbsent() {
        Scalars s = WireJson.read("{\"flag\": \"TRUE\", \"text\": \"  \"}", Scalars.class);
        assertTrue(s.flag());
        assertNull(s.text());
        assertEquals(
                "", WireJson.read("{\"permissions\": \"\"}", Permission.class).permissions());
    }

    @Test
    void momentsAreEpochSecondsOrIsoDateTimes() {
        assertEquals(
                Instant.parse("2023-11-14T22:13:20.500Z"),
                WireJson.read("{\"at\": 1700000000.5}", Scalars.class).at());
        assertEquals(
                Instant.parse("2023-11-14T22:13:20Z"),
                WireJson.read("{\"at\": \"1700000000\"}", Scalars.class).at());
        assertEquals(
                Instant.parse("2026-01-02T03:04:05Z"),
                WireJson.read("{\"at\": \"2026-01-02T03:04:05\"}", Scalars.class)
                        .at(),
                "no offset is UTC");
        assertEquals(
                Instant.parse("2026-01-02T01:04:05Z"),
                WireJson.read("{\"at\": \"2026-01-02T03:04:05+02:00\"}", Scalars.class)
                        .at());
        assertNull(WireJson.read("{\"at\": 0}", Scalars.class).at());
        assertNull(WireJson.read("{\"at\": 99999999999}", Scalars.class).at(), "past the year 3000");
        assertEquals(
                Duration.ofMillis(1500),
                WireJson.read("{\"took\": \"1.5\"}", Scalars.class).took());
    }

    @Test
    void keysAreMatchedAsSpeltElseWithoutRegardToCase() {
        assertEquals(
                new Renamed("ready", "Voron"),
                WireJson.read("{\"klippy_state\": \"ready\", \"PrinterName\": \"Voron\"}", Renamed.class));
        assertEquals(
                new Renamed(null, "exact"),
                WireJson.read("{\"PRINTERNAME\": \"loose\", \"printerName\": \"exact\"}", Renamed.class));
    }

    @Test
    void listsComeAsArraysOrAsObjectsOfItemsAndLeaveOutWrongItems() {
        Parts parts = WireJson.read("""
                {"parts": [{"name": "a"}, 3, {"name": "b"}], "byName": {"x": {"name": "x"}, "y": 1},
                 "names": ["a", 2, null, {}]}""", Parts.class);
        assertEquals(List.of(new Part("a", null), new Part("b", null)), parts.parts());
        assertEquals(Map.of("x", new Part("x", null)), parts.byName());
        assertEquals(List.of("a", "2"), parts.names());
        assertEquals(
                List.of(new Part("p", null)),
                WireJson.read("{\"parts\": {\"p\": {\"name\": \"p\"}}}", Parts.class)
                        .parts());
    }

    @Test
    void missingListsAndMapsAreEmpty() {
        assertEquals(new Parts(List.of(), Map.of(), List.of()), WireJson.read("{\"parts\": \"none\"}", Parts.class));
    }

    @Test
    void otherKeysCollectTheKeysNoComponentNames() {
        Heaters heaters = WireJson.read("""
                {"history": [1, "2"], "tool0": {"name": "t"}, "bed": 60, "chamber": {}}""", Heaters.class);
        assertEquals(List.of(1d, 2d), heaters.history());
        assertEquals(List.of("tool0", "chamber"), List.copyOf(heaters.others().keySet()));
    }

    @Test
    void aRecordMayComeAsItsText() {
        assertEquals(
                new Error(null, "Not Found"),
                WireJson.read("{\"error\": \"Not Found\"}", Failed.class).error());
        assertEquals(
                new Error(400, "SD busy"),
                WireJson.read("{\"error\": {\"code\": 400, \"message\": \"SD busy\"}}", Failed.class)
                        .error());
    }

    @Test
    void typeArgumentsAreFollowed() {
        Wrapped<List<Part>> wrapped = WireJson.read("{\"result\": [{\"name\": \"a\"}]}", Types.wrappedList());
        assertEquals(List.of(new Part("a", null)), wrapped.result());
    }

    @Test
    void hostileNestingIsCutOffWithoutOverflowingTheStack() {
        String deep = "{\"child\": ".repeat(900) + "{}" + "}".repeat(900);
        Nested top = WireJson.read(deep, Nested.class);
        int levels = 0;
        for (Nested n = top; n != null; n = n.child()) {
            levels++;
        }
        assertTrue(levels > 1 && levels <= RecordReader.MAX_DEPTH, "levels " + levels);
        String deeper = "{\"child\": ".repeat(20_000) + "{}" + "}".repeat(20_000);
        assertThrows(
                UnreadableJsonException.class,
                () -> WireJson.read(deeper, Nested.class),
                "deeper than the JSON parser goes");
    }

    @Test
    void anEmptyBodyIsTheEmptyRecord() {
        assertEquals(new Part(null, null), WireJson.read("  ", Part.class));
        assertEquals(new Part(null, null), WireJson.read((String) null, Part.class));
    }

    @Test
    void aBodyThatIsNotJsonOrNotAnObjectIsUnreadableAndSaysHowItBegins() {
        UnreadableJsonException html = assertThrows(
                UnreadableJsonException.class,
                () -> WireJson.read("<!DOCTYPE html><html><body>Bad gateway</body></html>", Part.class));
        assertEquals("is not JSON", html.problem());
        assertEquals("<!DOCTYPE html><html><body>Bad gateway</body></html>", html.excerpt());
        UnreadableJsonException array =
                assertThrows(UnreadableJsonException.class, () -> WireJson.read("[1, 2]", Part.class));
        assertEquals("is a JSON array where an object was expected", array.problem());
        assertThrows(UnreadableJsonException.class, () -> WireJson.read("{\"name\": ", Part.class));
    }

    @Test
    void recordsAreWrittenByTheirNamesWithoutNulls() {
        assertEquals("{\"klippy_state\":\"ready\"}", WireJson.write(new Renamed("ready", null)));
        assertFalse(WireJson.write(new Part("a", null)).contains("size"));
    }

    /** Type literals for generic records. */
    static final class Types {
        static java.lang.reflect.Type wrappedList() {
            try {
                return Types.class.getDeclaredMethod("sample").getGenericReturnType();
            } catch (NoSuchMethodException e) {
                throw new AssertionError(e);
            }
        }

        static Wrapped<List<Part>> sample() {
            return null;
        }
    }
}
