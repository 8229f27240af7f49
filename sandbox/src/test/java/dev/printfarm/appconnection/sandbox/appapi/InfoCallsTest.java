package dev.printfarm.appconnection.sandbox.appapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.printfarm.appconnection.sandbox.MutableClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class InfoCallsTest {

    private final MutableClock clock = MutableClock.at("2026-11-28T10:00:00Z");
    private final InfoCalls calls = new InfoCalls(clock);

    @Test
    void callsAreKeptPerConnectionOldestFirst() {
        calls.record("C1");
        clock.advance(Duration.ofMillis(250));
        calls.record("C2");
        clock.advance(Duration.ofMillis(250));
        calls.record("C1");

        assertEquals(
                List.of(Instant.parse("2026-11-28T10:00:00Z"), Instant.parse("2026-11-28T10:00:00.500Z")),
                calls.of("C1"));
        assertEquals(List.of(Instant.parse("2026-11-28T10:00:00.250Z")), calls.of("C2"));
        assertTrue(calls.of("C3").isEmpty());
    }

    @Test
    void onlyTheLastTenThousandCallsAreKept() {
        Instant start = clock.instant();
        for (int i = 0; i <= InfoCalls.CALLS_KEPT; i++) {
            calls.record("C1");
            clock.advance(Duration.ofMillis(1));
        }

        List<Instant> kept = calls.of("C1");

        assertEquals(InfoCalls.CALLS_KEPT, kept.size());
        assertEquals(start.plusMillis(1), kept.get(0));
        assertEquals(start.plusMillis(InfoCalls.CALLS_KEPT), kept.get(kept.size() - 1));
    }

    @Test
    void clearForgetsEveryConnectionsCalls() {
        calls.record("C1");
        calls.record("C2");

        calls.clear();

        assertTrue(calls.of("C1").isEmpty());
        assertTrue(calls.of("C2").isEmpty());
    }

    @Test
    void callsFromTwoServersAtOnceAreAllKeptOldestFirst() throws Exception {
        InfoCalls shared = new InfoCalls(new TickingClock());
        int perThread = 4_000;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 2; t++) {
                done.add(threads.submit(() -> {
                    start.await();
                    for (int i = 0; i < perThread; i++) {
                        shared.record("C1");
                        shared.of("C1");
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> future : done) {
                future.get(30, TimeUnit.SECONDS);
            }
        } finally {
            threads.shutdownNow();
        }

        List<Instant> kept = shared.of("C1");
        assertEquals(2 * perThread, kept.size());
        for (int i = 1; i < kept.size(); i++) {
            assertTrue(kept.get(i - 1).isBefore(kept.get(i)), "out of order at " + i);
        }
    }

    /** One millisecond later at every reading, whichever thread reads it. */
    private static final class TickingClock extends Clock {

        private final AtomicLong millis =
                new AtomicLong(Instant.parse("2026-11-28T10:00:00Z").toEpochMilli());

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(millis.incrementAndGet());
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException("Tests use UTC only");
        }
    }
}
