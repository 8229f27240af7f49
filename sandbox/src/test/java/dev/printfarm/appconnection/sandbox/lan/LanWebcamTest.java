package dev.printfarm.appconnection.sandbox.lan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.printfarm.appconnection.sandbox.MutableClock;
import dev.printfarm.appconnection.sandbox.config.SandboxSettings;
import dev.printfarm.appconnection.sandbox.connection.ConnectionRegistry;
import dev.printfarm.appconnection.sandbox.octoprint.ScriptedResponses;
import dev.printfarm.appconnection.sandbox.printer.EmulatedPrinter;
import dev.printfarm.appconnection.sandbox.printer.PrinterRegistry;
import dev.printfarm.appconnection.sandbox.printer.WebcamBackToBack;
import dev.printfarm.appconnection.sandbox.web.ReceivedBody;
import dev.printfarm.appconnection.sandbox.webcam.WebcamAction;
import dev.printfarm.appconnection.sandbox.webcam.WebcamFace;
import dev.printfarm.appconnection.sandbox.webcam.WebcamView;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class LanWebcamTest {

    private final MutableClock clock = MutableClock.at("2026-11-28T10:00:00Z");
    private final PrinterRegistry printers = new PrinterRegistry(
            new SandboxSettings(2, Optional.empty(), Duration.ofSeconds(1000), Optional.empty(), 0), clock);
    private final LanRequestLog log = new LanRequestLog();
    private final LanRouter router =
            new LanRouter(new ConnectionRegistry(clock), printers, log, new ScriptedResponses());
    private final EmulatedPrinter printer = printers.all().get(0);

    @Test
    void theWebcamNeedsNoApiKeyAndHasNoStreamLimit() {
        LanAnswer stream = webcam("/lan/", printer.id(), "stream");

        assertEquals(200, stream.status());
        WebcamView view = stream.webcam().orElseThrow();
        assertEquals(WebcamAction.STREAM, view.action());
        assertEquals(WebcamFace.LAN, view.face());
        assertEquals(Optional.empty(), view.streamLimit());
        assertEquals(200, log.snapshot().get(0).status());
    }

    @Test
    void theLanIpFaceServesTheSameWebcam() {
        LanAnswer snapshot = webcam("/lan-ip/", printer.lanIp(), "snapshot");

        assertEquals(Optional.of(WebcamView.onLan(WebcamAction.SNAPSHOT, printer)), snapshot.webcam());
    }

    @Test
    void relayRulesNeverApplyOnTheLan() {
        printers.update(
                printer.id(),
                controls -> controls.withOnline(false)
                        .withFailWith(OptionalInt.of(609))
                        .withSupporter(false)
                        .withWebcamBackToBack(Optional.of(new WebcamBackToBack(0, Duration.ofSeconds(60)))));

        for (int i = 0; i < 3; i++) {
            assertTrue(webcam("/lan/", printer.id(), "snapshot").webcam().isPresent());
        }
    }

    @Test
    void aPrinterWhoseLanIsDownHasNoWebcamEither() {
        printers.update(printer.id(), controls -> controls.withLan(false));

        LanAnswer answer = webcam("/lan/", printer.id(), "stream");

        assertEquals(503, answer.status());
        assertTrue(answer.webcam().isEmpty());
    }

    private LanAnswer webcam(String face, String address, String action) {
        LanRequest request = "/lan/".equals(face)
                ? LanRequest.of("/" + address + "/webcam/", "GET", Map.of())
                : LanRequest.byLanIp("/" + address + "/webcam/", "GET", Map.of());
        return router.answer(request.with(Map.of("action", List.of(action)), ReceivedBody.EMPTY, "http://h/lan"));
    }
}
