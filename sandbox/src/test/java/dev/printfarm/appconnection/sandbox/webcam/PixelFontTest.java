package dev.printfarm.appconnection.sandbox.webcam;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PixelFontTest {

    private static final String NEEDED = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 #+.:-";

    @Test
    void everyGlyphIsFiveBySevenPixels() {
        for (char c : NEEDED.toCharArray()) {
            String[] rows = PixelFont.rows(c);
            assertEquals(PixelFont.HEIGHT, rows.length, "rows of " + c);
            for (String row : rows) {
                assertEquals(PixelFont.WIDTH, row.length(), "a row of " + c);
                assertTrue(row.chars().allMatch(pixel -> pixel == '#' || pixel == '.'), "a row of " + c);
            }
        }
    }

    @Test
    void printerNamesTimesAndFrameNumbersNeedNoFallback() {
        for (String text : new String[] {
            "Prusa MK4 #1", "Voron 2.4 #2", "Ender 3 #3", "Prusa MINI+ #4", "FRAME 123", "2026-11-28 10:00:00.250Z"
        }) {
            assertTrue(text.chars().allMatch(c -> PixelFont.knows((char) c)), text);
        }
    }

    @Test
    void lowerCaseIsDrawnAsUpperCaseAndUnknownAsQuestionMark() {
        assertArrayEquals(PixelFont.rows('A'), PixelFont.rows('a'));
        assertArrayEquals(PixelFont.rows('?'), PixelFont.rows('€'));
    }

    @Test
    void digitsAreAllDifferent() {
        long distinct = IntStream.rangeClosed('0', '9')
                .mapToObj(c -> String.join("", PixelFont.rows((char) c)))
                .distinct()
                .count();

        assertEquals(10, distinct);
    }
}
