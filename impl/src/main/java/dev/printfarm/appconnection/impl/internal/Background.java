package dev.printfarm.appconnection.impl.internal;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ContextService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The module's background work, on the server's managed scheduled executor (feature {@code concurrent-3.0}): no
 * thread of the module's own, the application's context on every task, and everything cancelled when the
 * application stops.
 */
@ApplicationScoped
public class Background {

    private static final Logger LOG = Logger.getLogger(Background.class.getName());

    @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
    ManagedScheduledExecutorService executor;

    @Resource(lookup = "java:comp/DefaultContextService")
    ContextService contextService;

    private final List<Future<?>> periodic = new CopyOnWriteArrayList<>();
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
        ScheduledFuture<?> future = executor.scheduleWithFixedDelay(() -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Background task " + name + " failed; it runs again in " + period, e);
            }
        }, initialDelay.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
        periodic.add(future);
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
                task.run();
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

    /** Runs {@code task} once, soon; false when the executor refuses it (the server is stopping). */
    public boolean submit(Runnable task) {
        try {
            executor.execute(task);
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
