package dev.printfarm.appconnection.sandbox.printer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class PrintScheduleTest {

    private static final Instant START = Instant.parse("2026-11-28T10:00:00Z");
    private final PrintSchedule schedule = new PrintSchedule(START, Duration.ofSeconds(1000));

    @Test
    void progressAdvancesWithTime() {
        PrintRun quarter = schedule.runAt(START.plusSeconds(250));

        assertEquals(25.0, quarter.completion(), 1e-9);
        assertEquals(250, quarter.printTimeSeconds());
        assertEquals(750, quarter.printTimeLeftSeconds());
        assertEquals(quarter.fileSize() / 4, quarter.filePosition());
    }

    @Test
    void aFinishedPrintLoopsIntoANewOne() {
        PrintRun first = schedule.runAt(START.plusSeconds(999));
        PrintRun second = schedule.runAt(START.plusSeconds(1100));

        assertEquals("benchy-1.gcode", first.fileName());
        assertEquals("benchy-2.gcode", second.fileName());
        assertEquals(10.0, second.completion(), 1e-9);
        assertEquals(START.plusSeconds(1000), second.startedAt());
    }

    @Test
    void completionStaysBelowHundredUntilTheLoop() {
        PrintRun last = schedule.runAt(START.plusMillis(999_999));

        assertTrue(last.completion() < 100.0, "completion " + last.completion());
        assertEquals(1, last.printTimeLeftSeconds());
    }

    @Test
    void timeBeforeTheOriginCountsAsTheStart() {
        PrintRun run = schedule.runAt(START.minusSeconds(30));

        assertEquals(1, run.number());
        assertEquals(0.0, run.completion());
    }
}
