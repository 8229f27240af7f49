package dev.printfarm.appconnection.sandbox.webcam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Instant;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class WebcamFramesTest {

    private static final Instant AT = Instant.parse("2026-11-28T10:00:00.250Z");

    @Test
    void snapshotIsARealJpegOf320By240() throws IOException {
        byte[] jpeg = WebcamFrames.jpeg("Prusa MK4 #1", 1, AT);

        assertEquals(0xFF, jpeg[0] & 0xFF);
        assertEquals(0xD8, jpeg[1] & 0xFF);
        BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(jpeg));
        assertNotNull(decoded);
        assertEquals(320, decoded.getWidth());
        assertEquals(240, decoded.getHeight());
    }

    @Test
    void theFrameNumberChangesThePicture() {
        BufferedImage first = WebcamFrames.image("Prusa MK4 #1", 1, AT);
        BufferedImage second = WebcamFrames.image("Prusa MK4 #1", 2, AT);

        assertTrue(differingPixels(first, second) > 0);
    }

    @Test
    void theTimeAndThePrinterNameChangeThePicture() {
        BufferedImage base = WebcamFrames.image("Prusa MK4 #1", 1, AT);

        assertTrue(differingPixels(base, WebcamFrames.image("Prusa MK4 #1", 1, AT.plusSeconds(1))) > 0);
        assertTrue(differingPixels(base, WebcamFrames.image("Voron 2.4 #2", 1, AT)) > 0);
    }

    @Test
    void textIsDrawnInTheTopLeftArea() {
        BufferedImage image = WebcamFrames.image("Prusa MK4 #1", 7, AT);
        int background = image.getRGB(WebcamFrames.WIDTH - 1, 0);
        int lit = 0;
        for (int y = 0; y < 60; y++) {
            for (int x = 0; x < WebcamFrames.WIDTH; x++) {
                if (image.getRGB(x, y) != background) {
                    lit++;
                }
            }
        }

        assertTrue(lit > 500, "only " + lit + " text pixels");
    }

    @Test
    void aVeryLongNameIsCutToFitTheFrame() {
        byte[] jpeg = WebcamFrames.jpeg("A printer with a name far longer than the picture is wide", 1, AT);

        assertNotEquals(0, jpeg.length);
    }

    private static int differingPixels(BufferedImage a, BufferedImage b) {
        int differing = 0;
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                if (a.getRGB(x, y) != b.getRGB(x, y)) {
                    differing++;
                }
            }
        }
        return differing;
    }
}
