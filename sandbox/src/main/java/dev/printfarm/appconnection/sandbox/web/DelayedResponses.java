package dev.printfarm.appconnection.sandbox.web;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Writes a servlet's answer now or after a delay; a delayed answer holds no request thread while it waits, so a
 * slow printer costs a timer entry, not a thread. One per servlet, closed in its {@code destroy()}.
 */
public final class DelayedResponses implements AutoCloseable {

    /** Writes one complete answer. */
    @FunctionalInterface
    public interface Writer {
        void writeTo(HttpServletResponse response) throws IOException;
    }

    private static final Logger LOG = Logger.getLogger(DelayedResponses.class.getName());
    private static final long ASYNC_TIMEOUT_MARGIN_MS = 30_000;

    private final ScheduledExecutorService delays;

    public DelayedResponses(String threadName) {
        delays = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, threadName);
            thread.setDaemon(true);
            return thread;
        });
    }

    /** The servlet must be {@code asyncSupported} whenever {@code delayMs} can be above zero. */
    public void send(HttpServletRequest request, HttpServletResponse response, long delayMs, Writer writer)
            throws IOException {
        send(request, response, delayMs, writer, () -> {});
    }

    /**
     * As {@link #send(HttpServletRequest, HttpServletResponse, long, Writer)}, and runs {@code whenOver} exactly once
     * when the answer is over, whatever way it ends: right after an immediate answer is written (or failed to be);
     * for a delayed one when its asynchronous cycle completes, fails or times out (a client gone before or while the
     * answer is written completes it at once).
     */
    public void send(
            HttpServletRequest request, HttpServletResponse response, long delayMs, Writer writer, Runnable whenOver)
            throws IOException {
        Runnable once = once(whenOver);
        if (delayMs == 0) {
            try {
                writer.writeTo(response);
            } finally {
                once.run();
            }
            return;
        }
        AsyncContext async;
        try {
            async = request.startAsync();
            async.addListener(new Ending(once));
        } catch (RuntimeException e) {
            once.run();
            throw e;
        }
        async.setTimeout(delayMs + ASYNC_TIMEOUT_MARGIN_MS);
        try {
            delays.schedule(() -> async.start(() -> complete(async, writer)), delayMs, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException closing) {
            completeQuietly(async);
        }
    }

    private static void complete(AsyncContext async, Writer writer) {
        try {
            writer.writeTo((HttpServletResponse) async.getResponse());
        } catch (IOException | IllegalStateException clientGoneOrTimedOut) {
            LOG.log(Level.FINE, "Delayed answer could not be written", clientGoneOrTimedOut);
        } finally {
            completeQuietly(async);
        }
    }

    private static void completeQuietly(AsyncContext async) {
        try {
            async.complete();
        } catch (IllegalStateException alreadyOver) {
            LOG.log(Level.FINE, "Asynchronous answer was already over", alreadyOver);
        }
    }

    @Override
    public void close() {
        delays.shutdownNow();
    }

    private static Runnable once(Runnable action) {
        AtomicBoolean done = new AtomicBoolean();
        return () -> {
            if (done.compareAndSet(false, true)) {
                action.run();
            }
        };
    }

    /** Every way an asynchronous cycle ends runs {@code whenOver}; only the first counts. */
    private record Ending(Runnable whenOver) implements AsyncListener {

        @Override
        public void onComplete(AsyncEvent event) {
            whenOver.run();
        }

        @Override
        public void onTimeout(AsyncEvent event) {
            whenOver.run();
        }

        @Override
        public void onError(AsyncEvent event) {
            whenOver.run();
        }

        @Override
        public void onStartAsync(AsyncEvent event) {}
    }
}
