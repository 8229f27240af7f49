package dev.printfarm.appconnection.sandbox.printer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class FileStoreTest {

    private static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");

    private final FileStore store = new FileStore(1000);

    @Test
    void loweredLimitKeepsStoredFilesButRefusesNewOnes() {
        assertTrue(store.store(file("a.gcode", 600)));

        store.limitTo(100);

        assertTrue(store.find("local", "a.gcode").isPresent(), "files over the new size stay");
        assertEquals(0, store.freeBytes(), "never negative");
        assertFalse(store.store(file("b.gcode", 1)));
        assertTrue(store.store(file("a.gcode", 50)), "replacing the large file with one that fits is allowed");
    }

    @Test
    void raisedLimitMakesRoom() {
        store.limitTo(5000);

        assertTrue(store.store(file("big.gcode", 4000)));
        assertEquals(5000 - store.usedBytes(), store.freeBytes());
    }

    @Test
    void defaultLimitComesBackOnRequestAndOnReset() {
        store.limitTo(10);
        store.restoreDefaultLimit();
        assertEquals(1000, store.limitBytes());

        store.limitTo(10);
        store.reset(NOW);
        assertEquals(1000, store.limitBytes());
        assertEquals(1000, store.defaultLimitBytes());
    }

    @Test
    void negativeLimitIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> store.limitTo(-1));
        assertEquals(1000, store.limitBytes());
    }

    @Test
    void uploadKeepBytesIsTheLimitPlusMultipartFramingWithoutOverflow() {
        store.limitTo(0);
        assertEquals(FileStore.MULTIPART_SLACK_BYTES, store.uploadKeepBytes());

        store.limitTo(1234);
        assertEquals(1234 + FileStore.MULTIPART_SLACK_BYTES, store.uploadKeepBytes());

        store.limitTo(Long.MAX_VALUE - 1);
        assertEquals(Long.MAX_VALUE, store.uploadKeepBytes());
    }

    private static StoredFile file(String path, int size) {
        return new StoredFile("local", path, new byte[size], NOW);
    }
}
