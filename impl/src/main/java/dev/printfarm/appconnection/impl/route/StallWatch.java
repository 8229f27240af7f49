package dev.printfarm.appconnection.impl.route;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Watches bodies handed to callers (downloads, raw webcam streams) for stalls: a read that waits longer than its idle
 * limit closes the body, and the reader gets an {@link IOException} saying so, never an early end of the stream that
 * would pass a cut file for a whole one. A relay connection that dies without closing would otherwise block the
 * reader for ever. {@link #sweep()} is called every second by {@link Stalls}.
 */
public final class StallWatch {

    private final Set<Guarded> watched = ConcurrentHashMap.newKeySet();
    private final LongSupplier nanoTime;

    public StallWatch(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
    }

    /** {@code body}, closed when a read on it waits more than {@code idle} for data. */
    public InputStream guard(InputStream body, Duration idle, String what) {
        if (idle.isNegative() || idle.isZero()) {
            throw new IllegalArgumentException("idle must be positive, got " + idle);
        }
        Guarded guarded = new Guarded(body, idle.toNanos(), what);
        watched.add(guarded);
        return guarded;
    }

    /** Closes every watched body whose reader has waited past its limit; returns how many. */
    public int sweep() {
        long now = nanoTime.getAsLong();
        int closed = 0;
        for (Guarded g : watched) {
            if (g.waitingSince != 0 && now - g.waitingSince > g.idleNanos) {
                g.stalled = true;
                watched.remove(g);
                try {
                    g.inner().close();
                } catch (IOException | RuntimeException ignored) {
                    // Closing a stalled body: the reader hears of the stall either way.
                }
                closed++;
            }
        }
        return closed;
    }

    /** How many bodies are watched now; for tests. */
    public int watched() {
        return watched.size();
    }

    private final class Guarded extends FilterInputStream {
        final long idleNanos;
        final String what;
        /** When the read now waiting began (nanoTime); 0 while no read waits. */
        volatile long waitingSince;

        volatile boolean stalled;

        Guarded(InputStream in, long idleNanos, String what) {
            super(in);
            this.idleNanos = idleNanos;
            this.what = what;
        }

        InputStream inner() {
            return in;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n == -1 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            checkStall(null);
            waitingSince = Math.max(1, nanoTime.getAsLong());
            int n;
            try {
                n = in.read(buffer, offset, length);
            } catch (IOException e) {
                checkStall(e);
                throw e;
            } finally {
                waitingSince = 0;
            }
            checkStall(null);
            if (n == -1) {
                watched.remove(this);
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            byte[] scratch = new byte[(int) Math.min(8192, Math.max(0, n))];
            long skipped = 0;
            while (skipped < n) {
                int read = read(scratch, 0, (int) Math.min(scratch.length, n - skipped));
                if (read == -1) {
                    break;
                }
                skipped += read;
            }
            return skipped;
        }

        private void checkStall(IOException cause) throws IOException {
            if (stalled) {
                throw new IOException(
                        what + " stalled: no data for "
                                + Duration.ofNanos(idleNanos).toSeconds() + " s, so it was closed",
                        cause);
            }
        }

        @Override
        public void close() throws IOException {
            watched.remove(this);
            super.close();
        }
    }
}
