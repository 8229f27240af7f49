package dev.printfarm.appconnection.impl.internal;

import java.util.Queue;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * A queue of background refreshes with at most {@code limit} running: each finished one starts the next, so nothing
 * waits on a lock or holds a thread for a slot. An item already queued or running is not queued twice. Whoever is told
 * that an item finished ({@code finished}) is told after its slot was freed, so it may queue the item again at once.
 *
 * <p>With a slow lane ({@link #withSlowLane}), an item still running after {@value #SLOW_FACTOR} times the typical
 * item's time gives its slot to the next one and goes on outside the limit, up to {@code slowLimit} such items at once:
 * a few items that hang for seconds (a printer the relay gives up on only after its timeout) then no longer hold back
 * the many that answer at once. "Typical" is a moving average of the items that finished in their slot; it is looked at
 * whenever the drain is, and no item leaves its slot before {@value #LEARNING_ITEMS} items have finished.
 * Thread-safe.
 */
public final class BoundedDrain<T> {

    /** How many times the typical item's time a slow item runs before it gives its slot away. */
    static final int SLOW_FACTOR = 3;
    /** Items that must have finished in their slot before any is judged slow. */
    static final int LEARNING_ITEMS = 16;
    /** No item gives its slot away sooner than this, however fast the typical one is. */
    static final long SLOW_FLOOR_NANOS = TimeUnit.MILLISECONDS.toNanos(50);
    /** The weight of each new time in the moving average: one sixteenth. */
    private static final int AVERAGE_SHIFT = 4;

    private static final int IN_SLOT = 0;
    private static final int IN_SLOW_LANE = 1;
    private static final int DONE = 2;

    private final int limit;
    private final int slowLimit;
    private final LongSupplier nanoClock;
    private final Function<T, CompletionStage<?>> start;
    private final Consumer<T> finished;
    private final Queue<T> queue = new ConcurrentLinkedQueue<>();
    private final Set<T> waitingOrRunning = ConcurrentHashMap.newKeySet();
    private final AtomicInteger running = new AtomicInteger();
    private final AtomicInteger slow = new AtomicInteger();
    /** The items holding a slot (at most {@code limit}), oldest first (roughly: two starting at once may swap). */
    private final Queue<Running> inSlots = new ConcurrentLinkedQueue<>();
    /** The typical item's time in nanoseconds, a moving average; 0 until one finished. */
    private final AtomicLong typicalNanos = new AtomicLong();

    private final AtomicInteger learned = new AtomicInteger();
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
        this(limit, 0, System::nanoTime, start, finished);
    }

    private BoundedDrain(
            int limit,
            int slowLimit,
            LongSupplier nanoClock,
            Function<T, CompletionStage<?>> start,
            Consumer<T> finished) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, was " + limit);
        }
        if (slowLimit < 0) {
            throw new IllegalArgumentException("slowLimit must be at least 0, was " + slowLimit);
        }
        this.limit = limit;
        this.slowLimit = slowLimit;
        this.nanoClock = nanoClock;
        this.start = start;
        this.finished = finished;
    }

    /**
     * A drain like {@link #BoundedDrain(int, Function, Consumer)} whose slow items may give their slot away, at most
     * {@code slowLimit} at once ({@code 0}: none ever does); {@code nanoClock} tells the time as
     * {@link System#nanoTime()} does.
     */
    public static <T> BoundedDrain<T> withSlowLane(
            int limit,
            int slowLimit,
            LongSupplier nanoClock,
            Function<T, CompletionStage<?>> start,
            Consumer<T> finished) {
        return new BoundedDrain<>(limit, slowLimit, nanoClock, start, finished);
    }

    /** Queues the item unless it is queued or running already; returns whether it was queued. */
    public boolean offer(T item) {
        if (closed || !waitingOrRunning.add(item)) {
            return false;
        }
        queue.add(item);
        return true;
    }

    /** Moves slow items out of their slots (with a slow lane), then starts queued ones while the limit allows. */
    public void drain() {
        if (slowLimit > 0) {
            releaseSlow();
        }
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
            Running run = new Running(nanoClock.getAsLong());
            if (slowLimit > 0) {
                inSlots.add(run);
            }
            CompletionStage<?> work;
            try {
                work = start.apply(item);
            } catch (RuntimeException e) {
                work = CompletableFuture.failedFuture(e);
            }
            work.whenComplete((ignored, failure) -> {
                waitingOrRunning.remove(item);
                if (run.state.compareAndSet(IN_SLOT, DONE)) {
                    if (slowLimit > 0) {
                        // So the queue holds no more than the items in their slots, whatever waits at its head.
                        inSlots.remove(run);
                    }
                    running.decrementAndGet();
                    learn(nanoClock.getAsLong() - run.startedNanos);
                } else {
                    run.state.set(DONE);
                    slow.decrementAndGet();
                }
                try {
                    finished.accept(item);
                } finally {
                    drain();
                }
            });
        }
    }

    /** Gives the slots of items running past the slow threshold to the next ones, while the slow lane has room. */
    private void releaseSlow() {
        int seen = learned.get();
        long typical = typicalNanos.get();
        if (seen < LEARNING_ITEMS || typical <= 0) {
            return;
        }
        long threshold = Math.max(SLOW_FLOOR_NANOS, SLOW_FACTOR * typical);
        long now = nanoClock.getAsLong();
        Running oldest;
        while ((oldest = inSlots.peek()) != null) {
            if (oldest.state.get() != IN_SLOT) {
                inSlots.remove(oldest);
                continue;
            }
            if (now - oldest.startedNanos < threshold || !reserveSlowLane()) {
                return;
            }
            if (oldest.state.compareAndSet(IN_SLOT, IN_SLOW_LANE)) {
                running.decrementAndGet();
            } else {
                slow.decrementAndGet();
            }
            inSlots.remove(oldest);
        }
    }

    private boolean reserveSlowLane() {
        while (true) {
            int now = slow.get();
            if (now >= slowLimit) {
                return false;
            }
            if (slow.compareAndSet(now, now + 1)) {
                return true;
            }
        }
    }

    private void learn(long nanos) {
        // Counts up to LEARNING_ITEMS and stays there, so it never wraps however long the drain runs.
        learned.updateAndGet(n -> n < LEARNING_ITEMS ? n + 1 : n);
        typicalNanos.getAndUpdate(average -> average == 0 ? nanos : average + ((nanos - average) >> AVERAGE_SHIFT));
    }

    /** How many items hold a slot now. */
    public int running() {
        return running.get();
    }

    /** How many started items the drain keeps track of in their slots; for tests. */
    int trackedInSlots() {
        return inSlots.size();
    }

    /** How many items gave their slot away and still run. */
    public int slow() {
        return slow.get();
    }

    /** How many items wait for a slot; never more than the distinct items offered, since none is queued twice. */
    public int waiting() {
        return Math.max(0, waitingOrRunning.size() - running.get() - slow.get());
    }

    /** Starts nothing more and forgets what waits. */
    public void close() {
        closed = true;
        queue.clear();
        waitingOrRunning.clear();
        inSlots.clear();
    }

    /** An item that was started: when, and whether it still holds its slot. */
    private static final class Running {
        final long startedNanos;
        final AtomicInteger state = new AtomicInteger(IN_SLOT);

        Running(long startedNanos) {
            this.startedNanos = startedNanos;
        }
    }
}
