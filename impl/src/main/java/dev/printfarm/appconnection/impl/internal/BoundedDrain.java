package dev.printfarm.appconnection.impl.internal;

import java.util.Queue;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A queue of background refreshes with at most {@code limit} running: each finished one starts the next, so nothing
 * waits on a lock or holds a thread for a slot. An item already queued or running is not queued twice. Whoever is told
 * that an item finished ({@code finished}) is told after its slot was freed, so it may queue the item again at once.
 * Thread-safe.
 */
public final class BoundedDrain<T> {

    private final int limit;
    private final Function<T, CompletionStage<?>> start;
    private final Consumer<T> finished;
    private final Queue<T> queue = new ConcurrentLinkedQueue<>();
    private final Set<T> waitingOrRunning = ConcurrentHashMap.newKeySet();
    private final AtomicInteger running = new AtomicInteger();
    private volatile boolean closed;

    /** {@code start} begins one item's work and returns its completion; it must not block. */
    public BoundedDrain(int limit, Function<T, CompletionStage<?>> start) {
        this(limit, start, item -> {});
    }

    /**
     * Like {@link #BoundedDrain(int, Function)}; {@code finished} hears of each item whose work completed (normally or
     * not), once its slot is free and the item may be offered again.
     */
    public BoundedDrain(int limit, Function<T, CompletionStage<?>> start, Consumer<T> finished) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, was " + limit);
        }
        this.limit = limit;
        this.start = start;
        this.finished = finished;
    }

    /** Queues the item unless it is queued or running already; returns whether it was queued. */
    public boolean offer(T item) {
        if (closed || !waitingOrRunning.add(item)) {
            return false;
        }
        queue.add(item);
        return true;
    }

    /** Starts queued items while fewer than the limit run. */
    public void drain() {
        while (!closed) {
            int inFlight = running.get();
            if (inFlight >= limit || queue.isEmpty()) {
                return;
            }
            if (!running.compareAndSet(inFlight, inFlight + 1)) {
                continue;
            }
            T item = queue.poll();
            if (item == null) {
                running.decrementAndGet();
                continue;
            }
            CompletionStage<?> work;
            try {
                work = start.apply(item);
            } catch (RuntimeException e) {
                work = CompletableFuture.failedFuture(e);
            }
            work.whenComplete((ignored, failure) -> {
                waitingOrRunning.remove(item);
                running.decrementAndGet();
                try {
                    finished.accept(item);
                } finally {
                    drain();
                }
            });
        }
    }

    /** How many items run now. */
    public int running() {
        return running.get();
    }

    /** How many items wait for a slot; never more than the distinct items offered, since none is queued twice. */
    public int waiting() {
        return Math.max(0, waitingOrRunning.size() - running.get());
    }

    /** Starts nothing more and forgets what waits. */
    public void close() {
        closed = true;
        queue.clear();
        waitingOrRunning.clear();
    }
}
