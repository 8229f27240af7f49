package dev.printfarm.appconnection.sandbox.push;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.printfarm.appconnection.sandbox.MutableClock;
import dev.printfarm.appconnection.sandbox.config.SandboxSettings;
import dev.printfarm.appconnection.sandbox.printer.EmulatedPrinter;
import dev.printfarm.appconnection.sandbox.printer.JobState;
import dev.printfarm.appconnection.sandbox.printer.OctoPrintVersion;
import dev.printfarm.appconnection.sandbox.printer.PrintJobs;
import dev.printfarm.appconnection.sandbox.printer.PrinterRegistry;
import java.io.IOException;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class PushHubTest {

    private final MutableClock clock = MutableClock.at("2026-11-28T10:00:00Z");
    private final PrinterRegistry printers = new PrinterRegistry(
            new SandboxSettings(2, Optional.empty(), Duration.ofSeconds(100), Optional.empty(), 0), clock);
    private final EmulatedPrinter printing = printers.all().get(0);
    private final EmulatedPrinter idle = printers.all().get(1);
    private final PushHub hub = new PushHub(printers);
    private final RecordingTransport transport = RecordingTransport.completingAtOnce();

    @Test
    void anOpenedSocketIsGreetedWithConnectedAndCountedAsA101() {
        hub.open(printing, transport);

        assertEquals(List.of("connected"), transport.kinds());
        assertEquals(new PushCounts(1, 0, 1, new TreeMap<>(Map.of(101, 1L)), 1), hub.counts(printing.id()));
    }

    @Test
    void nothingButConnectedIsSentBeforeAuth() {
        hub.open(printing, transport);

        runFor(Duration.ofSeconds(3));

        assertEquals(List.of("connected"), transport.kinds());
    }

    @Test
    void aValidSessionGetsHistoryThenCurrentEvery500Ms() {
        PushSocket socket = hub.open(printing, transport);

        hub.received(socket, auth(printing.sessions().issue()));
        runFor(Duration.ofMillis(5000));

        List<String> kinds = transport.kinds();
        assertEquals(List.of("connected", "history"), kinds.subList(0, 2));
        assertEquals(Collections.nCopies(10, "current"), kinds.subList(2, kinds.size()));
        assertEquals(1, hub.counts(printing.id()).authenticated());
        assertEquals(12, hub.counts(printing.id()).framesSent());
    }

    @Test
    void aThrottleOfTwoHalvesTheRate() {
        PushSocket socket = hub.open(printing, transport);
        hub.received(socket, auth(printing.sessions().issue()));

        hub.received(socket, "{\"throttle\": 2}");
        runFor(Duration.ofMillis(5000));

        assertEquals(5, transport.kinds().stream().filter("current"::equals).count());
        assertEquals(2, socket.throttle());
    }

    @Test
    void theProgressInCurrentAdvancesWhileThePrintRuns() {
        PushSocket socket = hub.open(printing, transport);
        hub.received(socket, auth(printing.sessions().issue()));

        runFor(Duration.ofSeconds(3));

        List<Double> completions = transport.messages().stream()
                .filter(message -> message.containsKey("current"))
                .map(message -> message.getJsonObject("current")
                        .getJsonObject("progress")
                        .getJsonNumber("completion")
                        .doubleValue())
                .toList();
        assertEquals(6, completions.size());
        for (int i = 1; i < completions.size(); i++) {
            assertTrue(completions.get(i) > completions.get(i - 1), completions.toString());
        }
    }

    @Test
    void anInvalidSessionClosesWith1008AndNothingElseIsSent() {
        PushSocket socket = hub.open(printing, transport);

        hub.received(socket, auth("not-a-session"));
        runFor(Duration.ofSeconds(2));

        assertEquals(OptionalInt.of(1008), transport.closedWith);
        assertEquals(List.of("connected"), transport.kinds());
        assertEquals(0, hub.counts(printing.id()).open());
    }

    @Test
    void aSessionOfAnotherPrinterOrUserIsInvalid() {
        PushSocket socket = hub.open(printing, transport);
        hub.received(socket, auth(idle.sessions().issue()));
        assertEquals(OptionalInt.of(1008), transport.closedWith);

        RecordingTransport other = RecordingTransport.completingAtOnce();
        hub.received(
                hub.open(printing, other),
                "{\"auth\": \"admin:" + printing.sessions().issue() + "\"}");
        assertEquals(OptionalInt.of(1008), other.closedWith);
    }

    @Test
    void unknownMessagesAreIgnored() {
        PushSocket socket = hub.open(printing, transport);

        hub.received(socket, "{\"subscribe\": {\"state\": {\"logs\": true}}}");
        hub.received(socket, "hello");

        assertEquals(List.of("connected"), transport.kinds());
        assertTrue(transport.closedWith.isEmpty());
    }

    @Test
    void pauseResumeAndCancelArePushedAsEvents() {
        hub.tick();
        PushSocket socket = hub.open(printing, transport);
        hub.received(socket, auth(printing.sessions().issue()));

        change(job -> PrintJobs.pause(job, PrintJobs.PauseAction.PAUSE, clock.instant()));
        change(job -> PrintJobs.pause(job, PrintJobs.PauseAction.RESUME, clock.instant()));
        change(job -> PrintJobs.cancel(job, clock.instant()));

        assertEquals(List.of("PrintPaused", "PrintResumed", "PrintCancelled", "PrintFailed"), transport.events());
    }

    @Test
    void theEndOfAPrintIsDoneAndTheNextOneStarted() {
        hub.tick();
        PushSocket socket = hub.open(printing, transport);
        hub.received(socket, auth(printing.sessions().issue()));

        clock.advance(Duration.ofSeconds(100));
        hub.tick();

        assertEquals(List.of("PrintDone", "PrintStarted"), transport.events());
        assertEquals(
                "benchy-2.gcode",
                transport.messages().stream()
                        .filter(message -> message.containsKey("event"))
                        .reduce((first, second) -> second)
                        .orElseThrow()
                        .getJsonObject("event")
                        .getJsonObject("payload")
                        .getString("name"));
    }

    @Test
    void eventsGoToAuthenticatedSocketsOnly() {
        hub.tick();
        hub.open(printing, transport);

        change(job -> PrintJobs.pause(job, PrintJobs.PauseAction.PAUSE, clock.instant()));

        assertEquals(List.of(), transport.events());
    }

    @Test
    void whatHappenedBeforeTheFirstLookIsNotAnEvent() {
        PushSocket socket = hub.open(printing, transport);
        hub.received(socket, auth(printing.sessions().issue()));

        hub.tick();

        assertEquals(List.of(), transport.events());
    }

    @Test
    void dropClosesEverySocketOfThePrinterWith1011() {
        hub.open(printing, transport);
        RecordingTransport second = RecordingTransport.completingAtOnce();
        hub.open(printing, second);
        RecordingTransport otherPrinter = RecordingTransport.completingAtOnce();
        hub.open(idle, otherPrinter);

        assertEquals(2, hub.drop(printing.id()));

        assertEquals(OptionalInt.of(1011), transport.closedWith);
        assertEquals(OptionalInt.of(1011), second.closedWith);
        assertTrue(otherPrinter.closedWith.isEmpty());
        PushCounts counts = hub.counts(printing.id());
        assertEquals(0, counts.open());
        assertEquals(2, counts.statuses().get(101));
        assertEquals(0, hub.drop(printing.id()));
    }

    @Test
    void refusedHandshakesAreCountedByStatus() {
        hub.open(printing, transport);
        hub.refused(printing.id(), 604);
        hub.refused(printing.id(), 604);
        hub.refused(printing.id(), 606);

        PushCounts counts = hub.counts(printing.id());

        assertEquals(4, counts.handshakes());
        assertEquals(new TreeMap<>(Map.of(101, 1L, 604, 2L, 606, 1L)), counts.statuses());
    }

    @Test
    void aSocketTheClientClosedIsForgottenAndGetsNothingMore() {
        PushSocket socket = hub.open(printing, transport);
        hub.received(socket, auth(printing.sessions().issue()));

        hub.closed(socket);
        runFor(Duration.ofSeconds(2));

        assertEquals(List.of("connected", "history"), transport.kinds());
        assertEquals(0, hub.counts(printing.id()).open());
        assertEquals(0, transport.closes);
    }

    @Test
    void aFailedSendClosesTheSocketAndForgetsIt() {
        RecordingTransport holding = RecordingTransport.holdingSends();
        hub.open(printing, holding);

        holding.completeNext(Optional.of(new IOException("Connection reset")));

        assertEquals(OptionalInt.of(1011), holding.closedWith);
        assertEquals(0, hub.counts(printing.id()).open());
        assertEquals(0, hub.counts(printing.id()).framesSent());
    }

    @Test
    void resetClosesEverySocketWith1001AndForgetsTheCounts() {
        hub.open(printing, transport);
        hub.refused(printing.id(), 604);

        hub.reset();

        assertEquals(OptionalInt.of(1001), transport.closedWith);
        assertEquals(new PushCounts(0, 0, 0, new TreeMap<>(), 0), hub.counts(printing.id()));
    }

    @Test
    void theGreetingUsesThePrintersOctoPrintVersion() {
        printers.update(idle.id(), controls -> controls.withOctoprintVersion(OctoPrintVersion.V2));

        hub.open(idle, transport);

        assertEquals(
                "2.0.0", transport.messages().get(0).getJsonObject("connected").getString("version"));
    }

    @Test
    void onlyPrintersWithAnOpenSocketAreLookedAt() {
        hub.tick();
        assertEquals(0, hub.watching());

        PushSocket socket = hub.open(printing, transport);
        hub.tick();
        assertEquals(1, hub.watching());

        hub.closed(socket);
        hub.tick();
        assertEquals(0, hub.watching());
    }

    @Test
    void aChangeRightAfterTheSocketOpenedIsPushed() {
        PushSocket socket = hub.open(printing, transport);
        hub.received(socket, auth(printing.sessions().issue()));

        change(job -> PrintJobs.cancel(job, clock.instant()));

        assertEquals(List.of("PrintCancelled", "PrintFailed"), transport.events());
    }

    private void change(Function<JobState, PrintJobs.Outcome> command) {
        clock.advance(Duration.ofMillis(100));
        printing.changeJob(command);
        hub.tick();
    }

    private void runFor(Duration duration) {
        for (long elapsed = 0; elapsed < duration.toMillis(); elapsed += PushHub.TICK.toMillis()) {
            clock.advance(PushHub.TICK);
            hub.tick();
        }
    }

    private static String auth(String session) {
        return "{\"auth\": \"sandbox:" + session + "\"}";
    }
}
