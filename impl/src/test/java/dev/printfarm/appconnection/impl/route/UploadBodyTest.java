package dev.printfarm.appconnection.impl.route;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class UploadBodyTest {

    @Test
    void readsExactlyTheAnnouncedSizeAndCounts() throws IOException {
        UploadBody body = new UploadBody(new ByteArrayInputStream(new byte[] {1, 2, 3}), 3);
        assertEquals(0, body.bytesRead());
        assertArrayEquals(new byte[] {1, 2, 3}, body.readAllBytes());
        assertEquals(3, body.bytesRead());
        assertTrue(body.mismatch().isEmpty());
    }

    @Test
    void aShorterStreamFailsAndSaysSo() {
        UploadBody body = new UploadBody(new ByteArrayInputStream(new byte[] {1, 2}), 3);
        assertThrows(IOException.class, body::readAllBytes);
        assertEquals(
                "the content ended after 2 of the announced 3 bytes",
                body.mismatch().orElseThrow());
    }

    @Test
    void aLongerStreamFailsAndSaysSo() {
        UploadBody body = new UploadBody(new ByteArrayInputStream(new byte[] {1, 2, 3, 4}), 3);
        assertThrows(IOException.class, body::readAllBytes);
        assertEquals(
                "the content is longer than the announced size of 3 bytes",
                body.mismatch().orElseThrow());
    }
}
