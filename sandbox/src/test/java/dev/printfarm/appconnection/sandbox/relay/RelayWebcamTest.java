package dev.printfarm.appconnection.sandbox.relay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.printfarm.appconnection.sandbox.MutableClock;
import dev.printfarm.appconnection.sandbox.config.SandboxSettings;
import dev.printfarm.appconnection.sandbox.connection.AppConnection;
import dev.printfarm.appconnection.sandbox.connection.ConnectionRegistry;
import dev.printfarm.appconnection.sandbox.octoprint.ScriptedResponse;
import dev.printfarm.appconnection.sandbox.octoprint.ScriptedResponses;
import dev.printfarm.appconnection.sandbox.printer.EmulatedPrinter;
import dev.printfarm.appconnection.sandbox.printer.PrinterLimits;
import dev.printfarm.appconnection.sandbox.printer.PrinterRegistry;
import dev.printfarm.appconnection.sandbox.printer.WebcamBackToBack;
import dev.printfarm.appconnection.sandbox.web.ReceivedBody;
import dev.printfarm.appconnection.sandbox.webcam.WebcamAction;
import dev.printfarm.appconnection.sandbox.webcam.WebcamBoard;
import dev.printfarm.appconnection.sandbox.webcam.WebcamFace;
import dev.printfarm.appconnection.sandbox.webcam.WebcamView;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class RelayWebcamTest {

    private final MutableClock clock = MutableClock.at("2026-11-28T10:00:00Z");
    private final PrinterRegistry printers = new PrinterRegistry(
            new SandboxSettings(2, Optional.empty(), Duration.ofSeconds(1000), Optional.empty(), 0), clock);
    private final ConnectionRegistry connections = new ConnectionRegistry(clock);
    private final RelayStats stats = new RelayStats();
    private final ScriptedResponses scripts = new ScriptedResponses();
    private final WebcamBoard webcams = new WebcamBoard(clock, 5);
    private final RelayRouter router =
            new RelayRouter(connections, printers, stats, scripts, new ConnectionResets(), webcams);
    private final EmulatedPrinter printer = printers.all().get(0);
    private final AppConnection connection = connections.create(printer.id(), "devtest", "http://h/relay", false);

    @Test
    void snapshotAndStreamAreHandedToTheServletWithTheAccountsStreamLimit() {
        printers.update(printer.id(), controls -> controls.withLimits(new PrinterLimits(10, 10, 30)));

        RelayAnswer snapshot = webcam("snapshot");
        RelayAnswer stream = webcam("stream");

        assertEquals(200, snapshot.status());
        assertEquals(Optional.of(WebcamView.relayed(WebcamAction.SNAPSHOT, printer)), snapshot.webcam());
        WebcamView view = stream.webcam().orElseThrow();
        assertEquals(WebcamAction.STREAM, view.action());
        assertEquals(WebcamFace.RELAY, view.face());
        assertEquals(Optional.of(Duration.ofSeconds(30)), view.streamLimit());
        assertEquals(2, stats.snapshot().get(connection.id()).byStatus().get(200));
    }

    @Test
    void theDownloadLimitDoesNotApplyToTheWebcam() {
        printers.update(printer.id(), controls -> controls.withLimits(new PrinterLimits(1, 1, 30)));

        assertTrue(webcam("snapshot").webcam().isPresent());
    }

    @Test
    void theRequestAfterMaxWithinTheWindowAnswers609AndRefusalsDoNotOccupyIt() {
        backToBack(2, 10);

        assertEquals(200, webcam("snapshot").status());
        clock.advance(Duration.ofSeconds(1));
        assertEquals(200, webcam("stream").status());
        clock.advance(Duration.ofSeconds(1));
        assertEquals(609, webcam("snapshot").status());
        clock.advance(Duration.ofSeconds(7));
        assertEquals(609, webcam("stream").status());
        clock.advance(Duration.ofSeconds(1));
        assertEquals(200, webcam("snapshot").status());

        assertEquals(2, webcams.counts(printer.id(), WebcamFace.RELAY).refused609());
        assertEquals(
                "The webcam was viewed too often back to back.",
                webcam("snapshot").body().getString("Error"));
    }

    @Test
    void otherRequestsDoNotCountAsViews() {
        backToBack(1, 60);

        for (int i = 0; i < 5; i++) {
            assertEquals(200, get("/api/job").status());
        }

        assertEquals(200, webcam("snapshot").status());
    }

    @Test
    void theRelaysOtherRulesComeFirst() {
        backToBack(0, 60);
        printers.update(printer.id(), controls -> controls.withFailWith(OptionalInt.of(602)));
        assertEquals(602, webcam("snapshot").status());

        printers.update(
                printer.id(),
                controls -> controls.withFailWith(OptionalInt.empty()).withOnline(false));
        assertEquals(601, webcam("snapshot").status());

        assertEquals(0, webcams.counts(printer.id(), WebcamFace.RELAY).refused609());
    }

    @Test
    void aScriptedWebcamAnswerReplacesThePictureAfterTheBackToBackRule() {
        scripts.put(printer.id(), new ScriptedResponse("GET", "/webcam/", 500, "camera broken", Map.of()));
        backToBack(1, 60);

        assertEquals(500, webcam("snapshot").status());
        assertEquals(609, webcam("snapshot").status());
    }

    @Test
    void anUnknownWebcamActionIsOctoPrintsNotFound() {
        RelayAnswer answer = router.answer(request("GET", "/webcam/", Map.of("action", List.of("record"))));

        assertEquals(404, answer.status());
        assertTrue(answer.webcam().isEmpty());
    }

    private void backToBack(int max, int windowSeconds) {
        printers.update(
                printer.id(),
                controls -> controls.withWebcamBackToBack(
                        Optional.of(new WebcamBackToBack(max, Duration.ofSeconds(windowSeconds)))));
    }

    private RelayAnswer webcam(String action) {
        return router.answer(request("GET", "/webcam/", Map.of("action", List.of(action))));
    }

    private RelayAnswer get(String path) {
        return router.answer(request("GET", path, Map.of()));
    }

    private RelayRequest request(String method, String path, Map<String, List<String>> query) {
        return new RelayRequest(
                connection.id(),
                method,
                path,
                Optional.of("Bearer " + connection.authBearerToken()),
                Optional.empty(),
                query,
                Optional.empty(),
                OptionalLong.empty(),
                ReceivedBody.EMPTY,
                "http://h/relay/" + connection.id());
    }
}
