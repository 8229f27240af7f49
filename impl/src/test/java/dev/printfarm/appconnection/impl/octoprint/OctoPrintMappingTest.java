package dev.printfarm.appconnection.impl.octoprint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class OctoPrintMappingTest {

    @Test
    void idleJobHasNoFileAndNoProgress() {
        var job = OctoPrintMapping.job(new OctoPrintDtos.Job(
                new OctoPrintDtos.JobInfo(new OctoPrintDtos.JobFile(null, null, null, null, null), null),
                new OctoPrintDtos.Progress(null, null, null, null), "Operational"));
        assertEquals("Operational", job.state().orElseThrow());
        assertTrue(job.file().isEmpty());
        assertTrue(job.progress().isEmpty());
    }

    @Test
    void progressOutsideZeroToHundredIsClamped() {
        var job = OctoPrintMapping.job(new OctoPrintDtos.Job(null, new OctoPrintDtos.Progress(100.0001, 5L, 12.4, -1.0), "Printing"));
        assertEquals(100.0, job.progress().getAsDouble());
        assertEquals(12, job.printTimeSeconds().getAsLong());
        assertTrue(job.printTimeLeftSeconds().isEmpty());
    }

    @Test
    void heatersAreSortedAndMissingValuesStayEmpty() {
        var printer = OctoPrintMapping.printer(new OctoPrintDtos.Printer(
                Map.of("tool0", new OctoPrintDtos.Heater(210.0, 215.0, 0.0), "bed", new OctoPrintDtos.Heater(60.0, null, null)),
                new OctoPrintDtos.State("Printing", new OctoPrintDtos.Flags(true, true, false, false, false, false, true, false))));
        assertEquals("bed", printer.temperatures().get(0).heater());
        assertTrue(printer.temperatures().get(0).target().isEmpty());
        assertEquals(215.0, printer.temperatures().get(1).target().getAsDouble());
        assertTrue(printer.printing());
        assertFalse(printer.paused());
    }

    @Test
    void emptyAnswersMapToEmptyValues() {
        assertTrue(OctoPrintMapping.version(null).server().isEmpty());
        assertTrue(OctoPrintMapping.printer(null).temperatures().isEmpty());
        assertTrue(OctoPrintMapping.job(null).state().isEmpty());
    }
}
