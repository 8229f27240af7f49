package dev.printfarm.appconnection.bench.scenario;

import jakarta.enterprise.concurrent.ManagedThreadFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A fixed set of managed threads (so the module sees the application's context on them) that make a given number of
 * calls together, as fast as they can. Close it when done.
 */
final class Workers implements AutoCloseable {

    /** One call; {@code i} numbers the calls of a round from 0. */
    @FunctionalInterface
    interface Call {
        void make(int i) throws Exception;
    }

    /** A round's outcome: how long it took from the moment all threads were ready, and how many calls failed. */
    record Round(int calls, Duration elapsed, int errors, String firstError) {}

    private final int threads;
    private final ExecutorService pool;

    Workers(int threads, ManagedThreadFactory factory) {
        this.threads = threads;
        this.pool = Executors.newFixedThreadPool(threads, factory);
    }

    Round round(int calls, Call call) throws Exception {
        AtomicInteger next = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        AtomicReference<String> firstError = new AtomicReference<>();
        long[] started = new long[1];
        // The clock starts when every thread stands at the barrier, so thread start-up is not measured.
        CyclicBarrier ready = new CyclicBarrier(threads, () -> started[0] = System.nanoTime());
        List<Future<?>> running = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            running.add(pool.submit(() -> {
                ready.await();
                for (int i = next.getAndIncrement(); i < calls; i = next.getAndIncrement()) {
                    try {
                        call.make(i);
                    } catch (Exception e) {
                        errors.incrementAndGet();
                        firstError.compareAndSet(null, e.getClass().getSimpleName() + ": " + e.getMessage());
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : running) {
            f.get(10, TimeUnit.MINUTES);
        }
        return new Round(calls, Duration.ofNanos(System.nanoTime() - started[0]), errors.get(), firstError.get());
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
