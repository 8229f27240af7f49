package dev.printfarm.appconnection.impl.internal;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ContextService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
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
    private final java.util.Set<Future<?>> periodic = java.util.concurrent.ConcurrentHashMap.newKeySet();
    /** One-shot tasks not run yet (push reconnects): cancelled with the periodic ones when the application stops. */
    private final java.util.Set<Future<?>> pending = java.util.concurrent.ConcurrentHashMap.newKeySet();
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
     * Runs {@code task} every {@code period} (after the previous run ended), first after {@code initialDelay}. A run
     * that throws is logged and does not stop the next ones.
     */
    public void every(String name, Duration initialDelay, Duration period, Runnable task) {
        next(name, initialDelay, period, task, null);
    }

    private void next(String name, Duration delay, Duration period, Runnable task, Future<?> done) {
        if (done != null) {
            periodic.remove(done);
        }
        if (stopped) {
            return;
        }
        java.util.concurrent.atomic.AtomicReference<Future<?>> self = new java.util.concurrent.atomic.AtomicReference<>();
        try {
            ScheduledFuture<?> future = executor.schedule(() -> onWorkThread(() -> {
                try {
                    task.run();
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "Background task " + name + " failed; it runs again in " + period, e);
                } finally {
                    next(name, period, period, task, self.get());
                }
            }), Math.max(0, delay.toMillis()), TimeUnit.MILLISECONDS);
            self.set(future);
            periodic.add(future);
        } catch (RejectedExecutionException e) {
            // The server is stopping.
        }
    }

    /** Runs {@code task} once after {@code delay}; empty when the executor refuses it (the server is stopping). */
    public java.util.Optional<ScheduledFuture<?>> schedule(Duration delay, Runnable task) {
        if (stopped) {
            return java.util.Optional.empty();
        }
        try {
            java.util.concurrent.atomic.AtomicReference<ScheduledFuture<?>> self = new java.util.concurrent.atomic.AtomicReference<>();
            ScheduledFuture<?> future = executor.schedule(() -> {
                pending.remove(self.get());
                onWorkThread(task);
            }, Math.max(0, delay.toMillis()), TimeUnit.MILLISECONDS);
            self.set(future);
            pending.add(future);
            if (future.isDone()) {
                pending.remove(future);
            }
            return java.util.Optional.of(future);
        } catch (RejectedExecutionException e) {
            return java.util.Optional.empty();
        }
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
        periodic.forEach(f -> f.cancel(false));
        periodic.clear();
        pending.forEach(f -> f.cancel(false));
        pending.clear();
    }
}
