package dev.printfarm.appconnection.sandbox.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.printfarm.appconnection.sandbox.MutableClock;
import dev.printfarm.appconnection.sandbox.config.SandboxSettings;
import dev.printfarm.appconnection.sandbox.printer.EmulatedPrinter;
import dev.printfarm.appconnection.sandbox.printer.JobFile;
import dev.printfarm.appconnection.sandbox.printer.PrintJobs;
import dev.printfarm.appconnection.sandbox.printer.PrinterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PrintWatcherTest {

    private final MutableClock clock = MutableClock.at("2026-11-28T10:00:00Z");
    private final PrinterRegistry printers = new PrinterRegistry(
            new SandboxSettings(2, Optional.empty(), Duration.ofSeconds(100), Optional.empty(), 0), clock);
    private final EmulatedPrinter looping = printers.all().get(0);
    private final EmulatedPrinter idle = printers.all().get(1);
    private final PrintWatcher watcher = new PrintWatcher();

    @Test
    void theFirstLookOnlyTakesNote() {
        assertEquals(List.of(), look(looping));
        assertEquals(List.of(), look(idle));
        assertEquals(List.of(), look(looping));
    }

    @Test
    void progressIsNotifiedOncePerTickWhenATenPercentMarkIsCrossed() {
        look(looping);

        clock.advance(Duration.ofSeconds(5));
        assertEquals(List.of(), types(look(looping)));
        clock.advance(Duration.ofMillis(5_100));
        List<PrintEvent> tenPercent = look(looping);
        assertEquals(List.of(6), types(tenPercent));
        assertEquals(10, WebhookPayload.progress(tenPercent.get(0).run().orElseThrow()));
        clock.advance(Duration.ofSeconds(25));
        List<PrintEvent> jumped = look(looping);
        assertEquals(List.of(6), types(jumped));
        assertEquals(35, WebhookPayload.progress(jumped.get(0).run().orElseThrow()));
        assertEquals(List.of(), types(look(looping)));
    }

    @Test
    void theLoopsNextPrintCompletesTheOneBeforeAndStartsAnother() {
        clock.advance(Duration.ofSeconds(95));
        look(looping);

        clock.advance(Duration.ofSeconds(6));
        List<PrintEvent> events = look(looping);

        assertEquals(List.of(2, 1), types(events));
        assertEquals(100, WebhookPayload.progress(events.get(0).run().orElseThrow()));
        assertEquals(0, events.get(0).run().orElseThrow().printTimeLeftSeconds());
        assertNotEquals(printId(events.get(0)), printId(events.get(1)));
    }

    @Test
    void pauseAndResumeAreNotifiedAndAPausedPrintMakesNoProgress() {
        look(looping);

        looping.changeJob(job -> PrintJobs.pause(job, PrintJobs.PauseAction.PAUSE, clock.instant()));
        assertEquals(List.of(4), types(look(looping)));
        clock.advance(Duration.ofSeconds(300));
        assertEquals(List.of(), types(look(looping)));
        looping.changeJob(job -> PrintJobs.pause(job, PrintJobs.PauseAction.RESUME, clock.instant()));
        List<PrintEvent> resumed = look(looping);

        assertEquals(List.of(5), types(resumed));
        assertEquals(0, WebhookPayload.progress(resumed.get(0).run().orElseThrow()));
    }

    @Test
    void aCancelledPrintFailsWithItsLastProgress() {
        clock.advance(Duration.ofSeconds(42));
        look(looping);

        clock.advance(Duration.ofSeconds(1));
        looping.changeJob(job -> PrintJobs.cancel(job, clock.instant()));
        List<PrintEvent> events = look(looping);

        assertEquals(List.of(3), types(events));
        assertEquals(Optional.of(PrintWatcher.CANCELLED), events.get(0).error());
        assertEquals(42, WebhookPayload.progress(events.get(0).run().orElseThrow()));
    }

    @Test
    void aPrintStartedThroughTheApiStartsAndCompletes() {
        look(idle);
        JobFile cube = new JobFile("cube.gcode", "cube.gcode", "local", 1000, clock.instant());

        idle.changeJob(job -> PrintJobs.select(job, cube, true, clock.instant(), Duration.ofSeconds(100)));
        List<PrintEvent> started = look(idle);
        clock.advance(Duration.ofSeconds(99));
        look(idle);
        clock.advance(Duration.ofSeconds(2));
        List<PrintEvent> completed = look(idle);

        assertEquals(List.of(1), types(started));
        assertEquals("cube.gcode", started.get(0).run().orElseThrow().fileName());
        assertEquals(List.of(2), types(completed));
        assertEquals(printId(started.get(0)), printId(completed.get(0)));
        assertEquals(List.of(), types(look(idle)));
    }

    @Test
    void aDisconnectEndsThePrintAsFailed() {
        look(looping);

        looping.setConnected(false, clock.instant());
        List<PrintEvent> events = look(looping);

        assertEquals(List.of(3), types(events));
        assertEquals(Optional.of(PrintWatcher.DISCONNECTED), events.get(0).error());
    }

    @Test
    void forgetMakesTheNextLookTakeNoteAgain() {
        look(looping);
        looping.changeJob(job -> PrintJobs.cancel(job, clock.instant()));

        watcher.forget();

        assertEquals(List.of(), look(looping));
    }

    @Test
    void aLookOlderThanTheLastOneIsIgnored() {
        Instant earlier = clock.instant();
        clock.advance(Duration.ofSeconds(1));
        look(looping);

        looping.changeJob(job -> PrintJobs.cancel(job, clock.instant()));
        List<PrintEvent> stale = watcher.observe(looping.id(), looping.octoPrintAt(clock.instant()), earlier);

        assertEquals(List.of(), stale);
        assertEquals(List.of(3), types(look(looping)));
    }

    @Test
    void notingAPrinterAlreadyWatchedChangesNothing() {
        look(looping);
        looping.changeJob(job -> PrintJobs.cancel(job, clock.instant()));

        watcher.noteIfUnseen(looping.id(), looping.octoPrintAt(clock.instant()), clock.instant());

        assertEquals(List.of(3), types(look(looping)));
    }

    @Test
    void printersNoLongerRetainedAreSeenAfreshNextTime() {
        look(looping);
        look(idle);

        watcher.retainOnly(looping.id()::equals);
        looping.changeJob(job -> PrintJobs.cancel(job, clock.instant()));

        assertEquals(1, watcher.watching());
        assertEquals(List.of(3), types(look(looping)));
        assertEquals(List.of(), look(idle));
    }

    private List<PrintEvent> look(EmulatedPrinter printer) {
        return watcher.observe(printer.id(), printer.octoPrintAt(clock.instant()), clock.instant());
    }

    private static List<Integer> types(List<PrintEvent> events) {
        return events.stream().map(PrintEvent::eventType).toList();
    }

    private String printId(PrintEvent event) {
        return PrintIds.of(looping.id(), event.run().orElseThrow());
    }
}
