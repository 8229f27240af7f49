package dev.printfarm.appconnection.sandbox.webcam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.printfarm.appconnection.sandbox.MutableClock;
import dev.printfarm.appconnection.sandbox.config.SandboxSettings;
import dev.printfarm.appconnection.sandbox.printer.EmulatedPrinter;
import dev.printfarm.appconnection.sandbox.printer.PrinterLimits;
import dev.printfarm.appconnection.sandbox.printer.PrinterRegistry;
import dev.printfarm.appconnection.sandbox.printer.WebcamBackToBack;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class WebcamBoardTest {

    private final MutableClock clock = MutableClock.at("2026-11-28T10:00:00Z");
    private final PrinterRegistry printers = new PrinterRegistry(
            new SandboxSettings(2, Optional.empty(), Duration.ofSeconds(1000), Optional.empty(), 0), clock);
    private final EmulatedPrinter printer = printers.all().get(0);
    private final WebcamBoard board = new WebcamBoard(clock, 5);

    @Test
    void withoutABackToBackRuleEveryRelayRequestIsAdmitted() {
        for (int i = 0; i < 100; i++) {
            assertTrue(board.admitOnRelay(printer));
        }
        assertEquals(0, relay().refused609());
    }

    @Test
    void refusalsOfTheBackToBackRuleAreCounted() {
        backToBack(1, 60);

        assertTrue(board.admitOnRelay(printer));
        assertFalse(board.admitOnRelay(printer));
        assertFalse(board.admitOnRelay(printer));

        assertEquals(2, relay().refused609());
        clock.advance(Duration.ofSeconds(60));
        assertTrue(board.admitOnRelay(printer));
    }

    @Test
    void restartingTheWindowForgetsEarlierViews() {
        backToBack(1, 60);
        board.admitOnRelay(printer);

        board.restartWindow(printer.id());

        assertTrue(board.admitOnRelay(printer));
    }

    @Test
    void snapshotsAreCountedPerFaceAndDecode() throws IOException {
        byte[] jpeg = board.snapshot(WebcamView.relayed(WebcamAction.SNAPSHOT, printer));
        board.snapshot(WebcamView.onLan(WebcamAction.SNAPSHOT, printer));
        board.snapshot(WebcamView.onLan(WebcamAction.SNAPSHOT, printer));

        assertNotNull(ImageIO.read(new ByteArrayInputStream(jpeg)));
        assertEquals(1, relay().snapshots());
        assertEquals(2, board.counts(printer.id(), WebcamFace.LAN).snapshots());
        assertEquals(WebcamCounts.NONE, board.counts(printers.all().get(1).id(), WebcamFace.RELAY));
    }

    @Test
    void streamsCountOpensActiveTheHighestConcurrencyAndTheirEnd() {
        ActiveStream first = board.openStream(WebcamView.relayed(WebcamAction.STREAM, printer), 0);
        Instant firstOpen = clock.instant();
        clock.advance(Duration.ofSeconds(1));
        ActiveStream second = board.openStream(WebcamView.relayed(WebcamAction.STREAM, printer), 0);
        assertEquals(2, relay().activeStreams());

        first.finish(StreamOutcome.CLIENT_GONE);
        second.finish(StreamOutcome.CUT_AT_LIMIT);
        second.finish(StreamOutcome.CUT_AT_LIMIT);

        WebcamCounts counts = relay();
        assertEquals(2, counts.streamsOpened());
        assertEquals(0, counts.activeStreams());
        assertEquals(2, counts.maxConcurrentStreams());
        assertEquals(1, counts.cutAtLimit());
        assertEquals(List.of(firstOpen, firstOpen.plusSeconds(1)), counts.opens());
        assertEquals(0, board.streaming());
        assertEquals(0, board.counts(printer.id(), WebcamFace.LAN).streamsOpened());
    }

    @Test
    void aRelayedStreamIsCutAtTheAccountsWebcamLimitAndALanStreamIsNot() {
        printers.update(printer.id(), controls -> controls.withLimits(new PrinterLimits(1, 1, 7)));

        StreamPlan relayed = board.openStream(WebcamView.relayed(WebcamAction.STREAM, printer), 250)
                .plan();
        StreamPlan lan = board.openStream(WebcamView.onLan(WebcamAction.STREAM, printer), 0)
                .plan();

        assertEquals(Optional.of(Duration.ofSeconds(7)), relayed.limit());
        assertEquals(clock.instant().plusMillis(250), relayed.start());
        assertEquals(Duration.ofMillis(200), relayed.interval());
        assertEquals(Optional.empty(), lan.limit());
    }

    @Test
    void resetStopsEveryStreamAndForgetsCountsAndWindows() {
        backToBack(1, 60);
        board.admitOnRelay(printer);
        ActiveStream stream = board.openStream(WebcamView.onLan(WebcamAction.STREAM, printer), 0);

        board.reset();
        stream.finish(StreamOutcome.STOPPED);

        assertTrue(stream.isStopped());
        assertEquals(WebcamCounts.NONE, board.counts(printer.id(), WebcamFace.LAN));
        assertEquals(WebcamCounts.NONE, relay());
        assertTrue(board.admitOnRelay(printer));
    }

    @Test
    void aStreamWaitingForItsNextFrameEndsAtOnceWhenStopped() throws Exception {
        WebcamBoard realTime = new WebcamBoard(Clock.systemUTC(), 5);
        ActiveStream stream = realTime.openStream(WebcamView.onLan(WebcamAction.STREAM, printer), 0);

        CompletableFuture<Boolean> waited = CompletableFuture.supplyAsync(
                () -> stream.awaitUntil(Instant.now().plusSeconds(60)));
        realTime.reset();

        assertFalse(waited.get(10, TimeUnit.SECONDS));
    }

    @Test
    void aWholeStreamRunsUntilItsWriterFails() {
        WebcamBoard realTime = new WebcamBoard(Clock.systemUTC(), 30);
        ActiveStream stream = realTime.openStream(WebcamView.onLan(WebcamAction.STREAM, printer), 0);
        int[] written = {0};

        StreamOutcome outcome = stream.run(part -> {
            if (++written[0] > 3) {
                throw new IOException("Connection reset");
            }
        });

        assertEquals(StreamOutcome.CLIENT_GONE, outcome);
        assertEquals(0, realTime.counts(printer.id(), WebcamFace.LAN).activeStreams());
        assertEquals(1, realTime.counts(printer.id(), WebcamFace.LAN).streamsOpened());
    }

    private WebcamCounts relay() {
        return board.counts(printer.id(), WebcamFace.RELAY);
    }

    private void backToBack(int max, int windowSeconds) {
        printers.update(
                printer.id(),
                controls -> controls.withWebcamBackToBack(
                        Optional.of(new WebcamBackToBack(max, Duration.ofSeconds(windowSeconds)))));
    }
}
