package dev.printfarm.appconnection.sandbox.printer;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class PrinterControlsTest {

    @Test
    void failuresOutsideTheSixHundredsAreRefused() {
        assertThrows(
                IllegalArgumentException.class, () -> new PrinterControls(true, OptionalInt.of(500), 0, true, true));
        assertThrows(
                IllegalArgumentException.class, () -> new PrinterControls(true, OptionalInt.of(700), 0, true, true));
        assertDoesNotThrow(() -> new PrinterControls(true, OptionalInt.of(699), 0, true, true));
    }

    @Test
    void negativeLatencyIsRefused() {
        assertThrows(
                IllegalArgumentException.class, () -> new PrinterControls(true, OptionalInt.empty(), -1, true, true));
    }

    @Test
    void answersAreWholeUnlessACutIsSetAndACutIsNeverNegative() {
        assertEquals(OptionalLong.empty(), PrinterControls.NORMAL.cutBodyAfterBytes());
        assertThrows(
                IllegalArgumentException.class,
                () -> PrinterControls.NORMAL.withCutBodyAfterBytes(OptionalLong.of(-1)));
        assertDoesNotThrow(() -> PrinterControls.NORMAL.withCutBodyAfterBytes(OptionalLong.of(0)));
    }
}
