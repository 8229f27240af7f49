package dev.printfarm.appconnection.impl.route;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class StallWatchTest {

    private final AtomicLong now = new AtomicLong(1_000);
    private final StallWatch watch = new StallWatch(now::get);

    @Test
    void aReadThatWaitsPastTheLimitFailsSayingSoInsteadOfBlockingOrEndingTheStream() throws Exception {
        InputStream body =
                watch.guard(new SilentAfter(new byte[] {1, 2, 3}), Duration.ofSeconds(20), "The download of a.gcode");
        byte[] first = new byte[3];
        assertEquals(3, body.read(first));
        assertArrayEquals(new byte[] {1, 2, 3}, first);

        CompletableFuture<Throwable> reader = CompletableFuture.supplyAsync(() -> {
            try {
                body.read(new byte[16]);
                return null;
            } catch (IOException e) {
                return e;
            }
        });
        Thread.sleep(200);
        assertEquals(0, watch.sweep(), "not yet past the limit");
        now.addAndGet(Duration.ofSeconds(21).toNanos());
        assertEquals(1, watch.sweep());
        Throwable failed = reader.get(5, TimeUnit.SECONDS);
        assertTrue(
                failed instanceof IOException
                        && failed.getMessage().startsWith("The download of a.gcode stalled: " + "no data for 20 s"),
                String.valueOf(failed));
        assertThrows(IOException.class, () -> body.read(new byte[1]), "and every read after it");
        assertEquals(0, watch.watched());
    }

    @Test
    void aSlowReaderIsNoStallAndAFinishedOrClosedBodyIsForgotten() throws IOException {
        InputStream body = watch.guard(new ByteArrayInputStream(new byte[] {7, 8}), Duration.ofSeconds(20), "x");
        assertEquals(7, body.read());
        now.addAndGet(Duration.ofMinutes(5).toNanos());
        assertEquals(0, watch.sweep(), "nobody was waiting for data: the caller was busy, the printer not silent");
        assertEquals(8, body.read());
        assertEquals(-1, body.read());
        assertEquals(0, watch.watched(), "forgotten at its end");

        InputStream other = watch.guard(new ByteArrayInputStream(new byte[1]), Duration.ofSeconds(1), "y");
        assertEquals(1, watch.watched());
        other.close();
        assertEquals(0, watch.watched(), "forgotten when closed");
        assertThrows(
                IllegalArgumentException.class, () -> watch.guard(InputStream.nullInputStream(), Duration.ZERO, "z"));
    }

    /**
     * Like the JDK HttpClient's body on a connection that went silent: its bytes, then a read that waits until the
     * body is closed, and then fails with "closed" (checked on Java 17 against a server that stops sending).
     */
    private static final class SilentAfter extends InputStream {
        private final ByteArrayInputStream start;
        private final CountDownLatch closed = new CountDownLatch(1);

        SilentAfter(byte[] start) {
            this.start = new ByteArrayInputStream(start);
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) == -1 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (start.available() > 0) {
                return start.read(buffer, offset, length);
            }
            try {
                closed.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            throw new IOException("closed");
        }

        @Override
        public void close() {
            closed.countDown();
        }
    }
}
