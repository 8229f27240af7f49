package dev.printfarm.appconnection.sandbox.webcam;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import javax.imageio.ImageIO;

/**
 * Renders the emulated camera's pictures: a real JPEG, {@value #WIDTH}×{@value #HEIGHT}, showing the printer's name,
 * the frame number and the time, over a nozzle that moves from frame to frame. Stateless and thread-safe; needs no
 * display and no installed font.
 */
public final class WebcamFrames {

    public static final int WIDTH = 320;
    public static final int HEIGHT = 240;

    private static final int SCALE = 2;
    private static final int MARGIN = 8;
    private static final int LINE = (PixelFont.HEIGHT + 3) * SCALE;
    private static final int MAX_CHARACTERS = (WIDTH - 2 * MARGIN) / (PixelFont.ADVANCE * SCALE);
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
    private static final Color BACKGROUND = new Color(24, 28, 36);
    private static final Color TEXT = new Color(240, 240, 240);
    private static final Color BED = new Color(70, 80, 95);
    private static final Color NOZZLE = new Color(230, 120, 30);

    static {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
        ImageIO.setUseCache(false);
    }

    private WebcamFrames() {}

    public static byte[] jpeg(String printerName, long frame, Instant at) {
        BufferedImage image = image(printerName, frame, at);
        ByteArrayOutputStream out = new ByteArrayOutputStream(16 * 1024);
        try {
            if (!ImageIO.write(image, "jpg", out)) {
                throw new IllegalStateException("This Java runtime has no JPEG writer");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Writing a JPEG to memory failed", e);
        }
        return out.toByteArray();
    }

    static BufferedImage image(String printerName, long frame, Instant at) {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = image.createGraphics();
        try {
            graphics.setColor(BACKGROUND);
            graphics.fillRect(0, 0, WIDTH, HEIGHT);
            PixelFont.draw(graphics, fit(printerName), MARGIN, MARGIN, SCALE, TEXT);
            PixelFont.draw(graphics, fit("FRAME " + frame), MARGIN, MARGIN + LINE, SCALE, TEXT);
            PixelFont.draw(
                    graphics,
                    fit(TIME.format(at.truncatedTo(ChronoUnit.MILLIS))),
                    MARGIN,
                    MARGIN + 2 * LINE,
                    SCALE,
                    TEXT);
            int bedTop = HEIGHT - 40;
            graphics.setColor(BED);
            graphics.fillRect(MARGIN, bedTop, WIDTH - 2 * MARGIN, 24);
            int travel = WIDTH - 2 * MARGIN - 24;
            int nozzleX = MARGIN + (int) Math.floorMod(frame * 12, 2L * travel);
            if (nozzleX > MARGIN + travel) {
                nozzleX = 2 * (MARGIN + travel) - nozzleX;
            }
            graphics.setColor(NOZZLE);
            graphics.fillRect(nozzleX, bedTop - 36, 24, 30);
        } finally {
            graphics.dispose();
        }
        return image;
    }

    private static String fit(String text) {
        return text.length() <= MAX_CHARACTERS ? text : text.substring(0, MAX_CHARACTERS);
    }
}
