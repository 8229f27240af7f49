package dev.printfarm.appconnection.sandbox.relay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.printfarm.appconnection.sandbox.MutableClock;
import dev.printfarm.appconnection.sandbox.commandapi.CommandApi;
import dev.printfarm.appconnection.sandbox.commandapi.CommandCalls;
import dev.printfarm.appconnection.sandbox.config.SandboxSettings;
import dev.printfarm.appconnection.sandbox.connection.AppConnection;
import dev.printfarm.appconnection.sandbox.connection.ConnectionRegistry;
import dev.printfarm.appconnection.sandbox.moonraker.MoonrakerSockets;
import dev.printfarm.appconnection.sandbox.octoprint.ScriptedResponses;
import dev.printfarm.appconnection.sandbox.printer.EmulatedPrinter;
import dev.printfarm.appconnection.sandbox.printer.PrinterKind;
import dev.printfarm.appconnection.sandbox.printer.PrinterLimits;
import dev.printfarm.appconnection.sandbox.printer.PrinterRegistry;
import dev.printfarm.appconnection.sandbox.printer.WebcamBackToBack;
import dev.printfarm.appconnection.sandbox.web.ReceivedBody;
import dev.printfarm.appconnection.sandbox.webcam.WebcamAction;
import dev.printfarm.appconnection.sandbox.webcam.WebcamBoard;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class RelayKindsTest {

    private final MutableClock clock = MutableClock.at("2026-11-28T10:00:00Z");
    private final PrinterRegistry printers = new PrinterRegistry(
            new SandboxSettings(3, Optional.empty(), Duration.ofSeconds(1000), Optional.empty(), 0)
                    .withPrinterKinds(List.of(PrinterKind.OCTOPRINT, PrinterKind.MOONRAKER, PrinterKind.OTHER)),
            clock);
    private final ConnectionRegistry connections = new ConnectionRegistry(clock);
    private final RelayStats stats = new RelayStats();
    private final CommandCalls calls = new CommandCalls();
    private final RelayRouter router = new RelayRouter(
            connections,
            printers,
            stats,
            new ScriptedResponses(),
            new ConnectionResets(),
            new WebcamBoard(clock, 5),
            calls,
            new MoonrakerSockets(printers));
    private final EmulatedPrinter octoPrint = printers.all().get(0);
    private final EmulatedPrinter moonraker = printers.all().get(1);
    private final EmulatedPrinter other = printers.all().get(2);

    @Test
    void printersGetTheirKindsRoundRobinFromTheSetting() {
        assertEquals(
                List.of(PrinterKind.OCTOPRINT, PrinterKind.MOONRAKER, PrinterKind.OTHER),
                printers.all().stream()
                        .map(printer -> printer.controls().kind())
                        .toList());
    }

    @Test
    void aMoonrakerPrinterAnswersMoonrakerAndOctoPrintPathsAre404() {
        AppConnection connection = connect(moonraker);

        RelayAnswer info = get(connection, "/server/info");
        RelayAnswer octoPrintPath = get(connection, "/api/version");

        assertEquals(200, info.status());
        assertEquals("ready", info.body().getJsonObject("result").getString("klippy_state"));
        assertEquals(404, octoPrintPath.status());
        assertEquals("Not Found", octoPrintPath.body().getJsonObject("error").getString("message"));
    }

    @Test
    void anOctoPrintPrinterAnswersMoonrakerPaths404InItsOwnShape() {
        RelayAnswer answer = get(connect(octoPrint), "/server/info");

        assertEquals(404, answer.status());
        assertEquals("Not found", answer.body().getString("error"));
        assertEquals(200, get(connect(octoPrint), "/api/version").status());
    }

    @Test
    void anOtherPrinterHasNothingButTheCommandApi() {
        AppConnection connection = connect(other);

        assertEquals(404, get(connection, "/api/version").status());
        assertEquals(404, get(connection, "/server/info").status());
        assertEquals(
                404,
                router.answer(request(connection, "/webcam/", Map.of("action", List.of("snapshot"))))
                        .status());
        assertEquals(
                200, envelope(get(connection, CommandApi.PREFIX + "status")).getInt("Status"));
    }

    @Test
    void theCommandApiAnswersOnEveryKindAndIsLogged() {
        for (EmulatedPrinter printer : printers.all()) {
            AppConnection connection = connect(printer);

            RelayAnswer answer = get(connection, CommandApi.PREFIX + "status");

            assertEquals(200, answer.status());
            assertEquals(
                    printer.controls().effectiveFeatures(),
                    envelope(answer).getJsonObject("Result").getInt("Features"));
            CommandCalls.Call call = calls.of(printer.id()).get(0);
            assertEquals("status", call.command());
            assertEquals(200, call.status());
            assertEquals(connection.id(), call.connectionId());
        }
    }

    @Test
    void octoEverywheresOwnErrorsComeBeforeTheCommandApi() {
        AppConnection connection = connect(moonraker);
        printers.update(moonraker.id(), controls -> controls.withFailWith(OptionalInt.of(612)));
        assertEquals(612, get(connection, CommandApi.PREFIX + "status").status());

        printers.update(
                moonraker.id(),
                controls -> controls.withFailWith(OptionalInt.empty()).withOnline(false));
        assertEquals(601, get(connection, CommandApi.PREFIX + "pause").status());

        assertEquals(
                606,
                router.answer(new RelayRequest(
                                connection.id(),
                                "GET",
                                CommandApi.PREFIX + "status",
                                Optional.empty(),
                                Optional.empty()))
                        .status());
        assertEquals(List.of(), calls.of(moonraker.id()));
    }

    @Test
    void commandAnswersAreCutAndDelayedLikeAnyRelayedAnswer() {
        AppConnection connection = connect(other);
        printers.update(
                other.id(),
                controls -> controls.withCutBodyAfterBytes(OptionalLong.of(5)).withLatencyMs(200));

        RelayAnswer answer = get(connection, CommandApi.PREFIX + "status");

        assertEquals(OptionalLong.of(5), answer.cutBodyAfterBytes());
        assertEquals(200, answer.delayMs());
    }

    @Test
    void theDownloadLimitAppliesToCommandAnswers() {
        AppConnection connection = connect(moonraker);
        printers.update(moonraker.id(), controls -> controls.withLimits(new PrinterLimits(50, 1000, 60)));

        assertEquals(607, get(connection, CommandApi.PREFIX + "status").status());
    }

    @Test
    void theCommandApisWebcamIsTheEmulatedCameraUnderTheBackToBackRule() {
        AppConnection connection = connect(other);
        printers.update(
                other.id(),
                controls ->
                        controls.withWebcamBackToBack(Optional.of(new WebcamBackToBack(1, Duration.ofSeconds(60)))));

        RelayAnswer snapshot = router.answer(
                request(connection, CommandApi.PREFIX + "webcam/snapshot", Map.of("index", List.of("0"))));
        RelayAnswer again = router.answer(request(connection, CommandApi.PREFIX + "webcam/stream", Map.of()));

        assertEquals(WebcamAction.SNAPSHOT, snapshot.webcam().orElseThrow().action());
        assertEquals(609, again.status());
    }

    @Test
    void aWebcamIndexThatIsNoNumberIsAnHttp400() {
        RelayAnswer answer = router.answer(
                request(connect(moonraker), CommandApi.PREFIX + "webcam/snapshot", Map.of("index", List.of("front"))));

        assertEquals(400, answer.status());
        assertTrue(answer.webcam().isEmpty());
        assertEquals(400, calls.of(moonraker.id()).get(0).status());
    }

    @Test
    void eachKindHasItsOwnSocketPathAndTheOtherIsTheHosts404() {
        AppConnection toMoonraker = connect(moonraker);
        AppConnection toOctoPrint = connect(octoPrint);

        assertTrue(handshake(toMoonraker, "/websocket").upgrades());
        RelayHandshake sockJsOnMoonraker = handshake(toMoonraker, "/sockjs/websocket");
        assertEquals(404, sockJsOnMoonraker.status());
        assertEquals(404, sockJsOnMoonraker.errorBody().getJsonObject("error").getInt("code"));
        assertTrue(handshake(toOctoPrint, "/sockjs/websocket").upgrades());
        assertEquals(404, handshake(toOctoPrint, "/websocket").status());
        assertEquals(404, handshake(connect(other), "/websocket").status());
    }

    @Test
    void aSocketHandshakeIsCheckedByTheRelayFirst() {
        AppConnection connection = connect(moonraker);
        printers.update(moonraker.id(), controls -> controls.withSupporter(false));

        RelayHandshake handshake = handshake(connection, "/websocket");

        assertEquals(605, handshake.status());
        assertEquals(
                605,
                stats.snapshot()
                        .get(connection.id())
                        .byStatus()
                        .keySet()
                        .iterator()
                        .next());
    }

    @Test
    void changingTheKindChangesTheFaceAtOnce() {
        AppConnection connection = connect(octoPrint);
        printers.update(octoPrint.id(), controls -> controls.withKind(PrinterKind.MOONRAKER));

        assertEquals(404, get(connection, "/api/version").status());
        assertEquals(200, get(connection, "/server/info").status());
    }

    private RelayHandshake handshake(AppConnection connection, String path) {
        return router.handshake(new RelayRequest(
                connection.id(), "GET", path, Optional.of("Bearer " + connection.authBearerToken()), Optional.empty()));
    }

    private AppConnection connect(EmulatedPrinter printer) {
        return connections.create(printer.id(), "devtest", "http://h/relay", false);
    }

    private RelayAnswer get(AppConnection connection, String path) {
        return router.answer(request(connection, path, Map.of()));
    }

    private static RelayRequest request(AppConnection connection, String path, Map<String, List<String>> query) {
        return new RelayRequest(
                connection.id(),
                "GET",
                path,
                Optional.of("Bearer " + connection.authBearerToken()),
                Optional.empty(),
                query,
                Optional.empty(),
                OptionalLong.empty(),
                ReceivedBody.EMPTY,
                "http://h/relay/" + connection.id());
    }

    private static JsonObject envelope(RelayAnswer answer) {
        return Json.createReader(
                        new ByteArrayInputStream(answer.raw().orElseThrow().bytes()))
                .readObject();
    }
}
