package dev.printfarm.appconnection.sandbox.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.printfarm.appconnection.sandbox.printer.PrinterControls;
import dev.printfarm.appconnection.sandbox.printer.PrinterKind;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class ControlUpdateTest {

    private static final PrinterControls BROKEN = new PrinterControls(false, OptionalInt.of(605), 2500, false, false);

    @Test
    void sendingTheNormalValuesRestoresNormal() {
        assertEquals(
                PrinterControls.NORMAL,
                ControlUpdate.parse(
                                "{\"online\": true, \"failWith\": null, \"latencyMs\": 0, \"lan\": true, \"plugin\": true}")
                        .applyTo(BROKEN));
    }

    @Test
    void fieldsNotSentKeepTheirValue() {
        PrinterControls changed = ControlUpdate.parse("{\"latencyMs\": 100}").applyTo(BROKEN);

        assertEquals(new PrinterControls(false, OptionalInt.of(605), 100, false, false), changed);
    }

    @Test
    void failWithIsSetFromAnInteger() {
        assertEquals(
                OptionalInt.of(601),
                ControlUpdate.parse("{\"failWith\": 601}")
                        .applyTo(PrinterControls.NORMAL)
                        .failWith());
    }

    @Test
    void failWithOutsideTheSixHundredsIsRefused() {
        assertRefused("{\"failWith\": 599}", "failWith");
        assertRefused("{\"failWith\": 700}", "failWith");
        assertRefused("{\"failWith\": 601.5}", "failWith");
        assertRefused("{\"failWith\": \"601\"}", "failWith");
    }

    @Test
    void negativeOrHugeLatencyIsRefused() {
        assertRefused("{\"latencyMs\": -1}", "latencyMs");
        assertRefused("{\"latencyMs\": 1e12}", "latencyMs");
        assertRefused("{\"latencyMs\": null}", "latencyMs");
    }

    @Test
    void onlineMustBeABoolean() {
        assertRefused("{\"online\": \"yes\"}", "online");
        assertRefused("{\"online\": null}", "online");
    }

    @Test
    void lanAndPluginAreSwitchedOffAndOnAgain() {
        PrinterControls off =
                ControlUpdate.parse("{\"lan\": false, \"plugin\": false}").applyTo(PrinterControls.NORMAL);
        PrinterControls lanBack = ControlUpdate.parse("{\"lan\": true}").applyTo(off);

        assertEquals(PrinterControls.NORMAL.withLan(false).withPlugin(false), off);
        assertEquals(PrinterControls.NORMAL.withPlugin(false), lanBack);
    }

    @Test
    void lanAndPluginDefaultToOnAndAreKeptWhenNotSent() {
        assertTrue(PrinterControls.NORMAL.lan());
        assertTrue(PrinterControls.NORMAL.plugin());
        assertEquals(
                PrinterControls.NORMAL.withLan(false),
                ControlUpdate.parse("{\"online\": true}").applyTo(PrinterControls.NORMAL.withLan(false)));
    }

    @Test
    void lanAndPluginMustBeBooleans() {
        assertRefused("{\"lan\": \"false\"}", "lan must be true or false");
        assertRefused("{\"lan\": 0}", "lan must be true or false");
        assertRefused("{\"plugin\": null}", "plugin must be true or false");
    }

    @Test
    void cutBodyAfterBytesIsSetFromAnIntegerAndNullClearsIt() {
        PrinterControls cut = ControlUpdate.parse("{\"cutBodyAfterBytes\": 10}").applyTo(PrinterControls.NORMAL);

        assertEquals(PrinterControls.NORMAL.withCutBodyAfterBytes(OptionalLong.of(10)), cut);
        assertEquals(cut, ControlUpdate.parse("{\"latencyMs\": 0}").applyTo(cut));
        assertEquals(
                PrinterControls.NORMAL,
                ControlUpdate.parse("{\"cutBodyAfterBytes\": null}").applyTo(cut));
    }

    @Test
    void cutBodyAfterBytesMustBeANonNegativeInteger() {
        assertRefused(
                "{\"cutBodyAfterBytes\": -1}", "cutBodyAfterBytes must be null (whole answers) or a non-negative");
        assertRefused("{\"cutBodyAfterBytes\": 1.5}", "cutBodyAfterBytes");
        assertRefused("{\"cutBodyAfterBytes\": \"10\"}", "cutBodyAfterBytes");
        assertRefused("{\"cutBodyAfterBytes\": true}", "cutBodyAfterBytes");
    }

    @Test
    void unknownFieldIsRefusedByName() {
        assertRefused("{\"onlne\": false}", "onlne");
    }

    @Test
    void bodyThatIsNotAJsonObjectIsRefused() {
        assertRefused("[1]", "object");
        assertRefused("{online: }", "JSON");
        assertRefused("", "object");
    }

    private static void assertRefused(String body, String mentioned) {
        InvalidControlException refused = assertThrows(InvalidControlException.class, () -> ControlUpdate.parse(body));
        assertTrue(refused.getMessage().contains(mentioned), refused.getMessage());
    }

    @Test
    void kindAndFeaturesAreSetAndFeaturesNullRestoresTheKindsDefault() {
        PrinterControls moonraker = ControlUpdate.parse("{\"kind\": \"moonraker\", \"features\": 5}")
                .applyTo(PrinterControls.NORMAL);

        assertEquals(PrinterKind.MOONRAKER, moonraker.kind());
        assertEquals(5, moonraker.effectiveFeatures());
        assertEquals(
                63,
                ControlUpdate.parse("{\"features\": null}").applyTo(moonraker).effectiveFeatures());
        assertEquals(
                32,
                ControlUpdate.parse("{\"kind\": \"octoprint\", \"features\": null}")
                        .applyTo(moonraker)
                        .effectiveFeatures());
    }

    @Test
    void anUnknownKindOrFeaturesOutOfRangeAreRefused() {
        assertRefused("{\"kind\": \"bambu\"}", "kind");
        assertRefused("{\"kind\": 1}", "kind");
        assertRefused("{\"features\": 64}", "features");
        assertRefused("{\"features\": -1}", "features");
        assertRefused("{\"features\": \"63\"}", "features");
    }
}
