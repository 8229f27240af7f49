package dev.printfarm.appconnection.sandbox.octoprint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.printfarm.appconnection.sandbox.MutableClock;
import dev.printfarm.appconnection.sandbox.config.SandboxSettings;
import dev.printfarm.appconnection.sandbox.printer.EmulatedPrinter;
import dev.printfarm.appconnection.sandbox.printer.OctoPrintVersion;
import dev.printfarm.appconnection.sandbox.printer.PrinterRegistry;
import dev.printfarm.appconnection.sandbox.web.ReceivedBody;
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OctoPrintApiTest {

    private static final String BOUNDARY = "sandboxBoundary";
    private final MutableClock clock = MutableClock.at("2026-11-28T10:00:00Z");
    private final PrinterRegistry printers = new PrinterRegistry(
            new SandboxSettings(2, Optional.empty(), Duration.ofSeconds(1000), Optional.empty(), 0, 300), clock);
    private final EmulatedPrinter looping = printers.all().get(0);
    private final EmulatedPrinter idle = printers.all().get(1);

    @Test
    void uploadWithPrintStartsThePrintOnTheUploadedFile() {
        OctoPrintAnswer upload = call(
                idle,
                "POST",
                "/api/files/local",
                Map.of(),
                Optional.of("multipart/form-data; boundary=" + BOUNDARY),
                form("part.gcode", 50, true));

        assertEquals(201, upload.status());
        assertTrue(upload.body().getBoolean("effectivePrint"));
        assertTrue(upload.headers().get("Location").endsWith("/api/files/local/part.gcode"));
        JsonObject job = call(idle, "GET", "/api/job").body();
        assertEquals("Printing", job.getString("state"));
        assertEquals(
                "part.gcode", job.getJsonObject("job").getJsonObject("file").getString("name"));
    }

    @Test
    void uploadOverThePrintersLimitAnswers413AndIsCounted() {
        byte[] body = form("big.gcode", 400, false);

        OctoPrintAnswer answer = call(
                idle,
                "POST",
                "/api/files/local",
                Map.of(),
                Optional.of("multipart/form-data; boundary=" + BOUNDARY),
                body);

        assertEquals(413, answer.status());
        assertEquals(body.length, idle.files().receivedBytes());
        assertTrue(idle.files().find("local", "big.gcode").isEmpty());
    }

    @Test
    void jobCommandsOutOfStateAnswer409() {
        assertEquals(409, job(idle, "{\"command\":\"cancel\"}").status());
        assertEquals(409, job(looping, "{\"command\":\"start\"}").status());
        assertEquals(409, job(looping, "{\"command\":\"restart\"}").status());
        assertEquals(
                204,
                job(looping, "{\"command\":\"pause\",\"action\":\"pause\"}").status());
        assertEquals("Paused", call(looping, "GET", "/api/job").body().getString("state"));
        assertEquals(204, job(looping, "{\"command\":\"restart\"}").status());
    }

    @Test
    void disconnectedPrinterRefusesPrinterStateAndJobsWith409() {
        assertEquals(
                204,
                call(
                                idle,
                                "POST",
                                "/api/connection",
                                Map.of(),
                                Optional.of("application/json"),
                                bytes("{\"command\":\"disconnect\"}"))
                        .status());

        assertEquals(409, call(idle, "GET", "/api/printer").status());
        assertEquals(409, job(idle, "{\"command\":\"start\"}").status());
        assertEquals(
                "Closed",
                call(idle, "GET", "/api/connection")
                        .body()
                        .getJsonObject("current")
                        .getString("state"));
    }

    @Test
    void gcodeCommandsAreRecordedInOrder() {
        call(idle, "POST", "/api/printer/command", Map.of(), Optional.empty(), bytes("{\"command\":\"M105\"}"));
        call(
                idle,
                "POST",
                "/api/printer/command",
                Map.of(),
                Optional.empty(),
                bytes("{\"commands\":[\"G28\",\"M104 S200\"]}"));

        assertEquals(List.of("M105", "G28", "M104 S200"), idle.gcode().snapshot());
    }

    @Test
    void excludedPartsAreLeftOutAndHistoryHasTheLimit() {
        JsonObject printer = call(
                        looping,
                        "GET",
                        "/api/printer",
                        Map.of("exclude", List.of("sd,state"), "history", List.of("true"), "limit", List.of("3")),
                        Optional.empty(),
                        new byte[0])
                .body();

        assertFalse(printer.containsKey("sd"));
        assertFalse(printer.containsKey("state"));
        assertEquals(
                3, printer.getJsonObject("temperature").getJsonArray("history").size());
    }

    @Test
    void version2AnswersStorageAndFilesByName() {
        printers.update(idle.id(), controls -> controls.withOctoprintVersion(OctoPrintVersion.V2));

        assertTrue(call(idle, "GET", "/api/printer").body().containsKey("storage"));
        assertTrue(call(idle, "GET", "/api/files").body().getJsonObject("files").containsKey("calibration-cube.gcode"));
        assertEquals("2.0.0", call(idle, "GET", "/api/version").body().getString("server"));
    }

    @Test
    void selectAndPrintAnExistingFileThenDeletingItWhilePrintingIsRefused() {
        assertEquals(
                204,
                call(
                                idle,
                                "POST",
                                "/api/files/local/calibration-cube.gcode",
                                Map.of(),
                                Optional.empty(),
                                bytes("{\"command\":\"select\",\"print\":true}"))
                        .status());

        assertEquals(
                409,
                call(idle, "DELETE", "/api/files/local/calibration-cube.gcode").status());
        assertEquals(204, job(idle, "{\"command\":\"cancel\"}").status());
        assertEquals(
                204,
                call(idle, "DELETE", "/api/files/local/calibration-cube.gcode").status());
        assertEquals(
                404,
                call(idle, "GET", "/downloads/files/local/calibration-cube.gcode")
                        .status());
    }

    @Test
    void downloadAnswersTheStoredBytes() {
        OctoPrintAnswer answer = call(idle, "GET", "/downloads/files/local/calibration-cube.gcode");

        assertEquals(200, answer.status());
        assertTrue(new String(answer.raw().orElseThrow().bytes(), StandardCharsets.US_ASCII).contains("G28"));
    }

    private OctoPrintAnswer job(EmulatedPrinter printer, String json) {
        return call(printer, "POST", "/api/job", Map.of(), Optional.of("application/json"), bytes(json));
    }

    private OctoPrintAnswer call(EmulatedPrinter printer, String method, String path) {
        return call(printer, method, path, Map.of(), Optional.empty(), new byte[0]);
    }

    private OctoPrintAnswer call(
            EmulatedPrinter printer,
            String method,
            String path,
            Map<String, List<String>> query,
            Optional<String> contentType,
            byte[] body) {
        return OctoPrintApi.answer(
                new OctoPrintRequest(
                        method,
                        path,
                        query,
                        contentType,
                        ReceivedBody.of(body),
                        Optional.empty(),
                        "http://h/lan/" + printer.id()),
                ApiKeyRule.unchecked(),
                printer,
                clock.instant());
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] form(String name, int size, boolean print) {
        String text = "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name
                + "\"\r\n\r\n" + "G".repeat(size) + "\r\n--" + BOUNDARY
                + "\r\nContent-Disposition: form-data; name=\"print\"\r\n\r\n" + print + "\r\n--" + BOUNDARY + "--\r\n";
        return bytes(text);
    }
}
