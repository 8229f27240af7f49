package dev.printfarm.appconnection.sandbox.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.printfarm.appconnection.sandbox.octoprint.ScriptedResponse;
import dev.printfarm.appconnection.sandbox.printer.OctoPrintVersion;
import dev.printfarm.appconnection.sandbox.printer.PrinterControls;
import dev.printfarm.appconnection.sandbox.printer.PrinterLimits;
import org.junit.jupiter.api.Test;

class ControlAdditionsTest {

    @Test
    void limitsChangeOnlyTheNamedFieldsAndNullRestoresTheDefaults() {
        PrinterControls limited = ControlUpdate.parse("{\"limits\": {\"maxUploadBytes\": 10}}")
                .applyTo(PrinterControls.NORMAL);

        assertEquals(new PrinterLimits(PrinterLimits.DEFAULT.maxDownloadFileSizeBytes(), 10,
                PrinterLimits.DEFAULT.maxSingleWebcamStreamLengthSeconds()), limited.limits());
        assertEquals(PrinterLimits.DEFAULT, ControlUpdate.parse("{\"limits\": null}").applyTo(limited).limits());
    }

    @Test
    void restoringBodyIncludingSupporterGivesNormalControlsBack() {
        PrinterControls odd = PrinterControls.NORMAL.withSupporter(false).withOnline(false);

        assertEquals(PrinterControls.NORMAL, ControlUpdate.parse("{\"online\": true, \"failWith\": null, "
                + "\"latencyMs\": 0, \"lan\": true, \"plugin\": true, \"supporter\": true}").applyTo(odd));
    }

    @Test
    void octoprintVersionAcceptsOneOrTwoOnly() {
        assertEquals(OctoPrintVersion.V2, ControlUpdate.parse("{\"octoprintVersion\": \"2\"}")
                .applyTo(PrinterControls.NORMAL).octoprintVersion());
        assertThrows(InvalidControlException.class, () -> ControlUpdate.parse("{\"octoprintVersion\": \"3\"}"));
        assertThrows(InvalidControlException.class, () -> ControlUpdate.parse("{\"limits\": {\"max\": 1}}"));
        assertThrows(InvalidControlException.class, () -> ControlUpdate.parse("{\"supporter\": 1}"));
    }

    @Test
    void scriptBodyTakesA6xxStatusAndAJsonBodyAsText() {
        ScriptedResponse script = ControlBodies.script(
                "{\"method\": \"post\", \"path\": \"/api/job\", \"status\": 699, \"body\": {\"a\": 1}}");

        assertEquals("POST", script.method());
        assertEquals(699, script.status());
        assertEquals("{\"a\":1}", script.body());
        assertThrows(InvalidControlException.class, () -> ControlBodies.script("{\"method\": \"GET\", \"path\": \"x\", "
                + "\"status\": 200}"));
    }

    @Test
    void resetCountMustBeANonNegativeInteger() {
        assertEquals(3, ControlBodies.count("{\"count\": 3}"));
        assertThrows(InvalidControlException.class, () -> ControlBodies.count("{\"count\": -1}"));
        assertThrows(InvalidControlException.class, () -> ControlBodies.count("{\"n\": 1}"));
    }
}
