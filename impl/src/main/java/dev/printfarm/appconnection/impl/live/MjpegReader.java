package dev.printfarm.appconnection.impl.live;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads the parts of a {@code multipart/x-mixed-replace} body (an MJPEG stream) one at a time, without holding more
 * than one part. A part's {@code Content-Length} is used when given; otherwise the part runs to the next boundary.
 */
public final class MjpegReader {

    /** A part, with its content type. */
    public record Part(String contentType, byte[] data) {}

    private final InputStream in;
    private final byte[] delimiter;
    private final int maxPartBytes;
    private boolean started;
    private boolean ended;

    public MjpegReader(InputStream in, String boundary, int maxPartBytes) {
        this.in = in;
        String b = boundary.startsWith("--") ? boundary : "--" + boundary;
        this.delimiter = b.getBytes(StandardCharsets.ISO_8859_1);
        this.maxPartBytes = maxPartBytes;
    }

    /** The boundary of a {@code multipart/x-mixed-replace;boundary=...} content type, unquoted. */
    public static Optional<String> boundary(String contentType) {
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("multipart/")) {
            return Optional.empty();
        }
        for (String param : contentType.split(";")) {
            String p = param.strip();
            if (p.toLowerCase(Locale.ROOT).startsWith("boundary=")) {
                String value = p.substring("boundary=".length()).strip();
                if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                    value = value.substring(1, value.length() - 1);
                }
                return value.isEmpty() ? Optional.empty() : Optional.of(value);
            }
        }
        return Optional.empty();
    }

    /** The next part; empty at the end of the stream. */
    public Optional<Part> next() throws IOException {
        if (ended) {
            return Optional.empty();
        }
        if (!started) {
            if (!skipToDelimiter()) {
                return Optional.empty();
            }
            started = true;
        }
        String contentType = "application/octet-stream";
        long length = -1;
        while (true) {
            String line = readLineOrNull();
            if (line == null) {
                // The stream ended between parts or inside a part's headers.
                ended = true;
                return Optional.empty();
            }
            if (line.isEmpty()) {
                break;
            }
            if (line.equals("--")) {
                return Optional.empty();
            }
            int colon = line.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String name = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
            String value = line.substring(colon + 1).strip();
            if (name.equals("content-type")) {
                contentType = value;
            } else if (name.equals("content-length")) {
                try {
                    length = Long.parseLong(value);
                } catch (NumberFormatException e) {
                    length = -1;
                }
            }
        }
        byte[] data;
        if (length >= 0) {
            if (length > maxPartBytes) {
                throw new IOException("an MJPEG frame of " + length + " bytes is over " + maxPartBytes);
            }
            data = in.readNBytes((int) length);
            if (data.length < length) {
                return Optional.empty();
            }
            if (!skipToDelimiter()) {
                ended = true;
            }
        } else {
            data = readToDelimiter();
            if (data == null) {
                return Optional.empty();
            }
        }
        return Optional.of(new Part(contentType, data));
    }

    /** Reads past the next delimiter line; false at the end of the stream. */
    private boolean skipToDelimiter() throws IOException {
        String line;
        do {
            line = readLineOrNull();
            if (line == null) {
                return false;
            }
        } while (!line.startsWith(new String(delimiter, StandardCharsets.ISO_8859_1)));
        return !line.endsWith("--");
    }

    /** Bytes up to (not including) the CRLF before the next delimiter; null when the stream ends first. */
    private byte[] readToDelimiter() throws IOException {
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        byte[] marker =
                ("\r\n" + new String(delimiter, StandardCharsets.ISO_8859_1)).getBytes(StandardCharsets.ISO_8859_1);
        int matched = 0;
        int b;
        while ((b = in.read()) >= 0) {
            data.write(b);
            if (data.size() > maxPartBytes + marker.length) {
                throw new IOException("an MJPEG frame is over " + maxPartBytes + " bytes");
            }
            matched = b == marker[matched] ? matched + 1 : (b == marker[0] ? 1 : 0);
            if (matched == marker.length) {
                byte[] all = data.toByteArray();
                String rest = readLineOrNull();
                ended = rest == null || rest.startsWith("--");
                byte[] part = new byte[all.length - marker.length];
                System.arraycopy(all, 0, part, 0, part.length);
                return part;
            }
        }
        return null;
    }

    private String readLineOrNull() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0) {
            if (b == '\n') {
                break;
            }
            if (line.size() > 8192) {
                throw new IOException("an MJPEG header line is too long");
            }
            line.write(b);
        }
        if (b < 0 && line.size() == 0) {
            return null;
        }
        String text = line.toString(StandardCharsets.ISO_8859_1);
        return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
    }
}
