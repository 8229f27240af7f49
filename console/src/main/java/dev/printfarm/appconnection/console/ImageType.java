package dev.printfarm.appconnection.console;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The only pictures the console serves from a camera, told from their first bytes (magic numbers), never from the
 * Content-Type the printer or the relay gave: that could say {@code text/html} and put a script on the console's
 * origin.
 */
public enum ImageType {
    JPEG("image/jpeg"),
    PNG("image/png"),
    WEBP("image/webp");

    private static final byte[] JPEG_START = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    private static final byte[] RIFF = "RIFF".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] WEBP_FORM = "WEBP".getBytes(StandardCharsets.US_ASCII);

    private final String mediaType;

    ImageType(String mediaType) {
        this.mediaType = mediaType;
    }

    /** The Content-Type the console answers with. */
    public String mediaType() {
        return mediaType;
    }

    /** What the bytes are; empty for anything else (HTML, SVG, JSON, an error page, too few bytes). */
    public static Optional<ImageType> of(byte[] data) {
        if (startsWith(data, 0, JPEG_START)) {
            return Optional.of(JPEG);
        }
        if (startsWith(data, 0, PNG_SIGNATURE)) {
            return Optional.of(PNG);
        }
        // RIFF, the 4-byte chunk size, then the form type.
        if (startsWith(data, 0, RIFF) && startsWith(data, 8, WEBP_FORM)) {
            return Optional.of(WEBP);
        }
        return Optional.empty();
    }

    private static boolean startsWith(byte[] data, int offset, byte[] prefix) {
        if (data.length < offset + prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (data[offset + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
