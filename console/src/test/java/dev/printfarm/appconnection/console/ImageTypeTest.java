package dev.printfarm.appconnection.console;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What the console takes for a picture, on the first bytes real files and hostile answers start with. */
class ImageTypeTest {

    private static byte[] hex(String hex) {
        return HexFormat.of().parseHex(hex.replace(" ", ""));
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    @Test
    void jpegsAreKnownByTheirStartOfImageMarker() {
        assertEquals(
                Optional.of(ImageType.JPEG),
                ImageType.of(hex("FFD8FFE0 0010 4A464946 00 0101")),
                "JFIF (mjpg-streamer)");
        assertEquals(
                Optional.of(ImageType.JPEG), ImageType.of(hex("FFD8FFE1 1C45 45786966 0000")), "Exif (a phone camera)");
        assertEquals(
                Optional.of(ImageType.JPEG), ImageType.of(hex("FFD8FFDB 0043 00")), "raw quantization table first");
        assertEquals(Optional.empty(), ImageType.of(hex("FFD8")), "too short to be one");
        assertEquals(Optional.empty(), ImageType.of(hex("FFD9FFE0 0010")), "an end-of-image marker first");
    }

    @Test
    void pngsNeedTheWholeEightByteSignature() {
        assertEquals(Optional.of(ImageType.PNG), ImageType.of(hex("89504E470D0A1A0A 0000000D 49484452")));
        assertEquals(Optional.empty(), ImageType.of(hex("89504E470D0A1A")), "seven bytes of it");
        assertEquals(
                Optional.empty(),
                ImageType.of(hex("89504E470A0A1A0A 0000000D")),
                "a signature mangled by a text transfer");
    }

    @Test
    void webpIsARiffFileOfTheWebpForm() {
        assertEquals(Optional.of(ImageType.WEBP), ImageType.of(ascii("RIFF\u0024\u0000\u0000\u0000WEBPVP8 ")));
        assertEquals(
                Optional.empty(),
                ImageType.of(ascii("RIFF\u0024\u0000\u0000\u0000WAVEfmt ")),
                "a WAV file is RIFF too");
        assertEquals(Optional.empty(), ImageType.of(ascii("RIFF\u0024\u0000\u0000\u0000WEB")), "cut short");
    }

    @Test
    void whatAPrinterOrRelayMightAnswerInsteadIsNoPicture() {
        for (String hostile : new String[] {
            "<!doctype html><script>alert(1)</script>",
            "<html>",
            "\uFEFF<html>",
            "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>",
            "{\"error\":\"Unauthorized\"}",
            "GIF89a\u0001\u0000",
            "BM6\u0000",
            ""
        }) {
            assertEquals(Optional.empty(), ImageType.of(hostile.getBytes(StandardCharsets.UTF_8)), hostile);
        }
    }

    @Test
    void eachTypeIsServedWithItsOwnMediaType() {
        assertEquals("image/jpeg", ImageType.JPEG.mediaType());
        assertEquals("image/png", ImageType.PNG.mediaType());
        assertEquals("image/webp", ImageType.WEBP.mediaType());
    }
}
