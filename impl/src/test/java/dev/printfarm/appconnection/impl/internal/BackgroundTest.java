package dev.printfarm.appconnection.impl.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.enterprise.concurrent.ContextService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BackgroundTest {

    private final Background background = new Background();
    private final AtomicInteger scheduled = new AtomicInteger();

    /** An executor that runs each task on the caller's thread before schedule() returns: the worst a busy server does. */
    BackgroundTest() {
        background.executor = (ManagedScheduledExecutorService) Proxy.newProxyInstance(
                getClass().getClassLoader(),
                new Class<?>[] {ManagedScheduledExecutorService.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("schedule") && args.length == 3) {
                        scheduled.incrementAndGet();
                        if (args[0] instanceof Runnable r) {
                            r.run();
                        } else {
                            ((java.util.concurrent.Callable<?>) args[0]).call();
                        }
                        return Proxy.newProxyInstance(
                                getClass().getClassLoader(),
                                new Class<?>[] {ScheduledFuture.class},
                                (p, m, a) -> switch (m.getName()) {
                                    case "isDone", "cancel" -> true;
                                    case "hashCode" -> System.identityHashCode(p);
                                    case "equals" -> p == a[0];
                                    default -> null;
                                });
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
        background.threads = PlainModuleThreads.create();
    }

    @AfterEach
    void stop() {
        background.stop();
        background.threads.work().shutdownNow();
    }

    @Test
    void aOneShotTaskThatRunsBeforeScheduleReturnsStillRunsAndLeavesNothingBehind() throws Exception {
        CompletableFuture<String> ran = new CompletableFuture<>();
        assertTrue(background.schedule(Duration.ZERO, () -> ran.complete("ran")).isPresent());
        assertEquals("ran", ran.get(5, TimeUnit.SECONDS));
        assertEquals(0, background.pendingCount(), "the task left its slot");
    }

    @Test
    void aPeriodicTaskKeepsRunningWhenEachRunIsScheduledAtOnce() throws Exception {
        CountDownLatch three = new CountDownLatch(3);
        background.every("test", Duration.ZERO, Duration.ZERO, () -> {
            three.countDown();
            if (three.getCount() == 0) {
                background.stop();
            }
        });
        assertTrue(three.await(5, TimeUnit.SECONDS), "runs: " + (3 - three.getCount()));
    }

    @Test
    void nothingIsScheduledOnceStopped() throws TimeoutException {
        background.stop();
        assertTrue(background.schedule(Duration.ZERO, () -> {}).isEmpty());
        assertEquals(0, scheduled.get());
    }

    /**
     * Push sockets connect through {@code submit} and reconnect through {@code schedule}; neither may run its task on a
     * thread of the server's executor, which also serves HTTP requests (issue 21). The fake executor here runs what it
     * is given on the caller's thread, so a task run by it would run on the test's own thread.
     */
    @Test
    void scheduledAndSubmittedTasksRunOnTheModulesWorkThreadsNotOnTheServersExecutor() throws Exception {
        CompletableFuture<String> afterDelay = new CompletableFuture<>();
        assertTrue(background
                .schedule(
                        Duration.ZERO,
                        () -> afterDelay.complete(Thread.currentThread().getName()))
                .isPresent());
        CompletableFuture<String> soon = new CompletableFuture<>();
        assertTrue(background.submit(() -> soon.complete(Thread.currentThread().getName())));
        String scheduledOn = afterDelay.get(5, TimeUnit.SECONDS);
        String submittedOn = soon.get(5, TimeUnit.SECONDS);
        assertEquals(1, scheduled.get(), "the server's executor only timed the scheduled task");
        assertTrue(scheduledOn.matches("appconnection-work-\\d+"), "a scheduled task ran on " + scheduledOn);
        assertTrue(submittedOn.matches("appconnection-work-\\d+"), "a submitted task ran on " + submittedOn);
    }

    @Test
    void fleetAnswersRunOnTheFleetThreadsWithTheContextCapturedOnTheApplicationsThread() throws Exception {
        ThreadLocal<String> context = new ThreadLocal<>();
        context.set("the application's");
        background.contextService = (ContextService) Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {ContextService.class}, (proxy, method, args) -> {
                    if (method.getName().equals("currentContextExecutor")) {
                        String captured = context.get();
                        return (Executor) task -> {
                            context.set(captured);
                            try {
                                task.run();
                            } finally {
                                context.remove();
                            }
                        };
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
        Executor fleet = background.onFleetThreads();
        context.remove();
        CompletableFuture<String> ran = new CompletableFuture<>();
        fleet.execute(() -> ran.complete(Thread.currentThread().getName() + " with " + context.get() + " context"));
        String seen = ran.get(5, TimeUnit.SECONDS);
        assertTrue(seen.matches("appconnection-fleet-\\d+ with the application's context"), seen);
        background.threads.fleet().shutdownNow();
    }
}
