package dev.printfarm.appconnection.sandbox.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.printfarm.appconnection.sandbox.octoprint.ScriptedResponse;
import dev.printfarm.appconnection.sandbox.printer.FileStore;
import dev.printfarm.appconnection.sandbox.printer.OctoPrintVersion;
import dev.printfarm.appconnection.sandbox.printer.PrinterControls;
import dev.printfarm.appconnection.sandbox.printer.PrinterLimits;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class ControlAdditionsTest {

    @Test
    void limitsChangeOnlyTheNamedFieldsAndNullRestoresTheDefaults() {
        PrinterControls limited =
                ControlUpdate.parse("{\"limits\": {\"maxUploadBytes\": 10}}").applyTo(PrinterControls.NORMAL);

        assertEquals(
                new PrinterLimits(
                        PrinterLimits.DEFAULT.maxDownloadFileSizeBytes(),
                        10,
                        PrinterLimits.DEFAULT.maxSingleWebcamStreamLengthSeconds()),
                limited.limits());
        assertEquals(
                PrinterLimits.DEFAULT,
                ControlUpdate.parse("{\"limits\": null}").applyTo(limited).limits());
    }

    @Test
    void restoringBodyIncludingSupporterGivesNormalControlsBack() {
        PrinterControls odd = PrinterControls.NORMAL.withSupporter(false).withOnline(false);

        assertEquals(
                PrinterControls.NORMAL,
                ControlUpdate.parse("{\"online\": true, \"failWith\": null, "
                                + "\"latencyMs\": 0, \"lan\": true, \"plugin\": true, \"supporter\": true}")
                        .applyTo(odd));
    }

    @Test
    void octoprintVersionAcceptsOneOrTwoOnly() {
        assertEquals(
                OctoPrintVersion.V2,
                ControlUpdate.parse("{\"octoprintVersion\": \"2\"}")
                        .applyTo(PrinterControls.NORMAL)
                        .octoprintVersion());
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
        assertThrows(
                InvalidControlException.class,
                () -> ControlBodies.script("{\"method\": \"GET\", \"path\": \"x\", " + "\"status\": 200}"));
    }

    @Test
    void aScriptIsEndlessOnlyWhenAskedAndOnlyWithABody() {
        assertTrue(ControlBodies.script("{\"method\": \"GET\", \"path\": \"/api/job\", \"status\": 200, "
                        + "\"body\": \"x\", \"endless\": true}")
                .endless());
        assertFalse(ControlBodies.script(
                        "{\"method\": \"GET\", \"path\": \"/api/job\", \"status\": 200, " + "\"body\": \"x\"}")
                .endless());
        assertThrows(
                InvalidControlException.class,
                () -> ControlBodies.script("{\"method\": \"GET\", \"path\": "
                        + "\"/api/job\", \"status\": 200, \"body\": \"x\", \"endless\": \"yes\"}"));
        assertThrows(
                InvalidControlException.class,
                () -> ControlBodies.script(
                        "{\"method\": \"GET\", \"path\": " + "\"/api/job\", \"status\": 200, \"endless\": true}"));
    }

    @Test
    void resetCountMustBeANonNegativeInteger() {
        assertEquals(3, ControlBodies.count("{\"count\": 3}"));
        assertThrows(InvalidControlException.class, () -> ControlBodies.count("{\"count\": -1}"));
        assertThrows(InvalidControlException.class, () -> ControlBodies.count("{\"n\": 1}"));
    }

    @Test
    void storageBytesResizesTheFileStoreAndNullRestoresItsDefault() {
        FileStore files = new FileStore(5000);

        ControlUpdate.parse("{\"storageBytes\": 1024}").applyStorageTo(files);
        assertEquals(1024, files.limitBytes());

        ControlUpdate.parse("{\"storageBytes\": 0}").applyStorageTo(files);
        assertEquals(0, files.limitBytes());

        ControlUpdate.parse("{\"storageBytes\": null}").applyStorageTo(files);
        assertEquals(5000, files.limitBytes());
    }

    @Test
    void storageBytesNotSentLeavesTheStoreAndTheControlsAlone() {
        FileStore files = new FileStore(5000);
        files.limitTo(10);
        ControlUpdate update = ControlUpdate.parse("{\"online\": false}");

        update.applyStorageTo(files);

        assertEquals(Optional.empty(), update.storageBytes());
        assertEquals(10, files.limitBytes());
    }

    @Test
    void storageBytesIsNotAControl() {
        ControlUpdate update = ControlUpdate.parse("{\"storageBytes\": 1024}");

        assertEquals(Optional.of(OptionalLong.of(1024)), update.storageBytes());
        assertEquals(PrinterControls.NORMAL, update.applyTo(PrinterControls.NORMAL));
        assertEquals(
                Optional.of(OptionalLong.empty()),
                ControlUpdate.parse("{\"storageBytes\": null}").storageBytes());
        assertEquals(
                Optional.of(OptionalLong.of(Long.MAX_VALUE)),
                ControlUpdate.parse("{\"storageBytes\": " + Long.MAX_VALUE + "}")
                        .storageBytes());
    }

    @Test
    void storageBytesMustBeANonNegativeIntegerAndARefusedUpdateChangesNothing() {
        for (String bad : new String[] {"-1", "1.5", "\"1024\"", "true", "{}", "[1]", "1e30"}) {
            InvalidControlException refused = assertThrows(
                    InvalidControlException.class,
                    () -> ControlUpdate.parse("{\"online\": false, \"storageBytes\": " + bad + "}"),
                    bad);
            assertTrue(
                    refused.getMessage()
                            .startsWith("storageBytes must be null (the default size) or a non-negative "
                                    + "integer of bytes, got "),
                    refused.getMessage());
        }
    }

    @Test
    void unknownFieldMessageNamesStorageBytes() {
        InvalidControlException refused =
                assertThrows(InvalidControlException.class, () -> ControlUpdate.parse("{\"storage\": 1}"));

        assertTrue(refused.getMessage().contains("storageBytes"), refused.getMessage());
    }
}
