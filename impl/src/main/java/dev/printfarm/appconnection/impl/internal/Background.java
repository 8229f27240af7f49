package dev.printfarm.appconnection.impl.internal;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ContextService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The module's background work. The server's managed scheduled executor (feature {@code concurrent-3.0}) only keeps the
 * time: every task runs on the module's own few threads ({@link ModuleThreads}), never on the pool that also serves the
 * server's HTTP requests, since a task may block on a printer for a whole read timeout. Everything is cancelled when
 * the application stops.
 */
@ApplicationScoped
public class Background {

    private static final Logger LOG = Logger.getLogger(Background.class.getName());

    @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
    ManagedScheduledExecutorService executor;

    @Resource(lookup = "java:comp/DefaultContextService")
    ContextService contextService;

    @Inject
    ModuleThreads threads;

    /** The next run of each periodic task, replaced as each run ends. */
    private final Set<Slot> periodic = ConcurrentHashMap.newKeySet();
    /** One-shot tasks not run yet (push reconnects): cancelled with the periodic ones when the application stops. */
    private final Set<Slot> pending = ConcurrentHashMap.newKeySet();

    private volatile boolean stopped;

    /**
     * An executor that runs tasks on the calling thread with the application's context as it is now (class loader,
     * naming, configuration): for completion stages of the JDK {@code HttpClient}, whose threads have none. Call it on
     * an application thread.
     */
    public java.util.concurrent.Executor inCurrentContext() {
        return contextService.currentContextExecutor();
    }

    /**
     * An executor that runs tasks on the module's fleet threads ({@link ModuleThreads#fleet()}) with the application's
     * context as it is now: for the fleet refresh's answers, which may wait briefly on the store. Call it on an
     * application thread.
     */
    public java.util.concurrent.Executor onFleetThreads() {
        java.util.concurrent.Executor context = contextService.currentContextExecutor();
        return task -> threads.fleet().execute(() -> context.execute(task));
    }

    /**
     * Runs {@code task} every {@code period} (after the previous run ended), first after {@code initialDelay}. A run
     * that throws is logged and does not stop the next ones.
     */
    public void every(String name, Duration initialDelay, Duration period, Runnable task) {
        next(name, initialDelay, period, task, null);
    }

    private void next(String name, Duration delay, Duration period, Runnable task, Slot done) {
        if (done != null) {
            periodic.remove(done);
        }
        if (stopped) {
            return;
        }
        Slot slot = new Slot();
        periodic.add(slot);
        try {
            slot.future = executor.schedule(
                    () -> onWorkThread(() -> {
                        try {
                            task.run();
                        } catch (RuntimeException e) {
                            LOG.log(
                                    Level.WARNING,
                                    "Background task " + name + " failed; it runs again in " + period,
                                    e);
                        } finally {
                            next(name, period, period, task, slot);
                        }
                    }),
                    Math.max(0, delay.toMillis()),
                    TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            // The server is stopping.
            periodic.remove(slot);
        }
    }

    /** Runs {@code task} once after {@code delay}; empty when the executor refuses it (the server is stopping). */
    public Optional<ScheduledFuture<?>> schedule(Duration delay, Runnable task) {
        if (stopped) {
            return Optional.empty();
        }
        // The slot is taken before the executor knows the task, so a task that runs at once (a zero delay, a busy
        // machine) finds it and leaves it.
        Slot slot = new Slot();
        pending.add(slot);
        try {
            ScheduledFuture<?> future = executor.schedule(
                    () -> {
                        pending.remove(slot);
                        onWorkThread(task);
                    },
                    Math.max(0, delay.toMillis()),
                    TimeUnit.MILLISECONDS);
            slot.future = future;
            return Optional.of(future);
        } catch (RejectedExecutionException e) {
            pending.remove(slot);
            return Optional.empty();
        }
    }

    /** How many one-shot tasks wait for their time; for tests. */
    int pendingCount() {
        return pending.size();
    }

    /** Runs {@code task} once, soon, on the module's threads; false when it cannot (the server is stopping). */
    public boolean submit(Runnable task) {
        return !stopped && onWorkThread(task);
    }

    /**
     * Runs a task that lasts as long as what it serves (a webcam stream read for its viewers) on a thread of its own,
     * from a bounded pool; false when the pool is full or the server is stopping.
     */
    public boolean stream(Runnable task) {
        if (stopped) {
            return false;
        }
        try {
            threads.streams().execute(task);
            return true;
        } catch (RejectedExecutionException e) {
            return false;
        }
    }

    private boolean onWorkThread(Runnable task) {
        try {
            threads.work().execute(task);
            return true;
        } catch (RejectedExecutionException e) {
            return false;
        }
    }

    @PreDestroy
    void stop() {
        stopped = true;
        periodic.forEach(Slot::cancel);
        periodic.clear();
        pending.forEach(Slot::cancel);
        pending.clear();
    }

    /** A task's place among the scheduled ones; its future is known only once the executor accepted it. */
    private static final class Slot {
        volatile Future<?> future;

        void cancel() {
            Future<?> f = future;
            if (f != null) {
                f.cancel(false);
            }
        }
    }
}
