package dev.printfarm.appconnection.sandbox.octoprint;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ScriptedResponsesTest {

    private final ScriptedResponses scripts = new ScriptedResponses();

    @Test
    void scriptMatchesItsMethodAndPathOnItsPrinterOnly() {
        scripts.put("P1", new ScriptedResponse("get", "/api/job", 500, "boom", Map.of()));

        assertTrue(scripts.find("P1", "GET", "/api/job").isPresent());
        assertTrue(scripts.find("P1", "POST", "/api/job").isEmpty());
        assertTrue(scripts.find("P1", "GET", "/api/job/").isEmpty());
        assertTrue(scripts.find("P2", "GET", "/api/job").isEmpty());
    }

    @Test
    void samePathAndMethodReplacesTheEarlierScript() {
        scripts.put("P1", new ScriptedResponse("GET", "/api/job", 500, "a", Map.of()));
        scripts.put("P1", new ScriptedResponse("GET", "/api/job", 502, "b", Map.of()));
        scripts.put("P1", new ScriptedResponse("POST", "/api/job", 409, "c", Map.of()));

        assertEquals(2, scripts.forPrinter("P1").size());
        assertEquals(502, scripts.find("P1", "GET", "/api/job").orElseThrow().status());
    }

    @Test
    void removingOneScriptKeepsTheOthers() {
        scripts.put("P1", new ScriptedResponse("GET", "/api/job", 500, "", Map.of()));
        scripts.put("P1", new ScriptedResponse("GET", "/api/printer", 500, "", Map.of()));

        assertTrue(scripts.remove("P1", "get", "/api/job"));

        assertEquals(1, scripts.forPrinter("P1").size());
        assertTrue(scripts.find("P1", "GET", "/api/printer").isPresent());
    }

    @Test
    void answerIsExactlyTheScriptIncludingA6xxStatus() {
        OctoPrintAnswer answer = new ScriptedResponse(
                        "GET",
                        "/api/job",
                        699,
                        "{\"x\":1}",
                        Map.of("Content-Type", "application/json", "X-Test", "yes"))
                .answer();

        assertEquals(699, answer.status());
        assertEquals(Optional.of("application/json"), answer.raw().orElseThrow().contentType());
        assertArrayEquals(
                "{\"x\":1}".getBytes(StandardCharsets.UTF_8),
                answer.raw().orElseThrow().bytes());
        assertEquals(Map.of("X-Test", "yes"), answer.headers());
    }

    @Test
    void anEndlessScriptAnswersItsBodyToRepeatWithoutEnd() {
        OctoPrintAnswer answer = new ScriptedResponse(
                        "GET", "/api/job", 200, "{\"padding\": \"", Map.of("Content-Type", "application/json"), true)
                .answer();

        assertTrue(answer.raw().orElseThrow().endless());
        assertArrayEquals(
                "{\"padding\": \"".getBytes(StandardCharsets.UTF_8),
                answer.raw().orElseThrow().bytes());
        assertFalse(new ScriptedResponse("GET", "/api/job", 200, "x", Map.of())
                .answer()
                .raw()
                .orElseThrow()
                .endless());
        assertThrows(
                IllegalArgumentException.class, () -> new ScriptedResponse("GET", "/api/job", 200, "", Map.of(), true));
    }

    @Test
    void pathMustBeAbsolute() {
        assertThrows(IllegalArgumentException.class, () -> new ScriptedResponse("GET", "api/job", 200, "", Map.of()));
    }
}
