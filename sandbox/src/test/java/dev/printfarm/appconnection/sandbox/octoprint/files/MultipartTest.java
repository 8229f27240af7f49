package dev.printfarm.appconnection.sandbox.octoprint.files;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MultipartTest {

    static byte[] form(String boundary, byte[] file) {
        String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"part.gcode\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n";
        String tail = "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"print\"\r\n\r\ntrue\r\n--"
                + boundary + "--\r\n";
        byte[] a = head.getBytes(StandardCharsets.UTF_8);
        byte[] c = tail.getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[a.length + file.length + c.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(file, 0, all, a.length, file.length);
        System.arraycopy(c, 0, all, a.length + file.length, c.length);
        return all;
    }

    @Test
    void filePartKeepsItsBytesAndNameAndFieldsAreText() {
        byte[] gcode = {'G', '2', '8', '\r', '\n', 0, (byte) 0xff};

        List<Multipart.Part> parts = Multipart.parse(
                        Optional.of("multipart/form-data; boundary=XyZ"), form("XyZ", gcode))
                .orElseThrow();

        assertEquals(2, parts.size());
        assertEquals(Optional.of("part.gcode"), parts.get(0).filename());
        assertArrayEquals(gcode, parts.get(0).content());
        assertEquals("print", parts.get(1).name());
        assertEquals("true", parts.get(1).text());
    }

    @Test
    void quotedBoundaryIsUnderstood() {
        assertTrue(Multipart.parse(Optional.of("multipart/form-data; boundary=\"a b\""), form("a b", new byte[] {1}))
                .isPresent());
    }

    @Test
    void notMultipartOrTruncatedBodyIsRejected() {
        assertTrue(Multipart.parse(Optional.of("application/json"), "{}".getBytes(StandardCharsets.UTF_8))
                .isEmpty());
        byte[] whole = form("B", new byte[] {1, 2, 3});
        byte[] cut = java.util.Arrays.copyOf(whole, whole.length - 20);
        assertTrue(Multipart.parse(Optional.of("multipart/form-data; boundary=B"), cut)
                .isEmpty());
    }
}
