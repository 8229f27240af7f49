package dev.printfarm.appconnection.sandbox.webcam;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MjpegPartsTest {

    @Test
    void contentTypeNamesTheBoundary() {
        assertEquals("multipart/x-mixed-replace;boundary=sandboxframe", MjpegParts.CONTENT_TYPE);
    }

    @Test
    void onePartIsBoundaryHeadersBlankLineJpegAndCrlf() {
        byte[] jpeg = {(byte) 0xFF, (byte) 0xD8, 1, 2, 3, (byte) 0xFF, (byte) 0xD9};

        byte[] part = MjpegParts.part(jpeg, 42);

        String expectedHead =
                "--sandboxframe\r\nContent-Type: image/jpeg\r\nContent-Length: 7\r\n" + "X-Sandbox-Frame: 42\r\n\r\n";
        assertEquals(expectedHead, new String(part, 0, expectedHead.length(), StandardCharsets.US_ASCII));
        byte[] body = new byte[jpeg.length];
        System.arraycopy(part, expectedHead.length(), body, 0, jpeg.length);
        assertArrayEquals(jpeg, body);
        assertEquals("\r\n", new String(part, part.length - 2, 2, StandardCharsets.US_ASCII));
        assertEquals(expectedHead.length() + jpeg.length + 2, part.length);
    }

    @Test
    void consecutivePartsCanBeReadBackByTheirContentLength() throws IOException {
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        List<byte[]> jpegs = List.of(
                WebcamFrames.jpeg("A", 1, Instant.EPOCH),
                WebcamFrames.jpeg("A", 2, Instant.EPOCH),
                WebcamFrames.jpeg("A", 3, Instant.EPOCH));
        for (int i = 0; i < jpegs.size(); i++) {
            stream.writeBytes(MjpegParts.part(jpegs.get(i), i + 1));
        }

        List<Map<String, String>> headers = new ArrayList<>();
        List<byte[]> bodies = new ArrayList<>();
        InputStream in = new ByteArrayInputStream(stream.toByteArray());
        for (String line = readLine(in); line != null; line = readLine(in)) {
            assertEquals("--" + MjpegParts.BOUNDARY, line);
            Map<String, String> partHeaders = new LinkedHashMap<>();
            for (String header = readLine(in); !header.isEmpty(); header = readLine(in)) {
                int colon = header.indexOf(':');
                partHeaders.put(
                        header.substring(0, colon), header.substring(colon + 1).strip());
            }
            bodies.add(in.readNBytes(Integer.parseInt(partHeaders.get("Content-Length"))));
            assertEquals("", readLine(in));
            headers.add(partHeaders);
        }

        assertEquals(3, bodies.size());
        for (int i = 0; i < 3; i++) {
            assertArrayEquals(jpegs.get(i), bodies.get(i));
            assertEquals("image/jpeg", headers.get(i).get("Content-Type"));
            assertEquals(String.valueOf(i + 1), headers.get(i).get(MjpegParts.FRAME_HEADER));
        }
    }

    /** A CRLF-terminated line without its CRLF; null at the end of the stream. */
    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int previous = -1;
        for (int b = in.read(); b >= 0; b = in.read()) {
            if (previous == '\r' && b == '\n') {
                byte[] bytes = line.toByteArray();
                return new String(bytes, 0, bytes.length - 1, StandardCharsets.US_ASCII);
            }
            line.write(b);
            previous = b;
        }
        return line.size() == 0 ? null : line.toString(StandardCharsets.US_ASCII);
    }
}
