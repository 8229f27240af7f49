package dev.printfarm.appconnection.sandbox.web;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
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
        if (delayMs == 0) {
            writer.writeTo(response);
            return;
        }
        AsyncContext async = request.startAsync();
        async.setTimeout(delayMs + ASYNC_TIMEOUT_MARGIN_MS);
        delays.schedule(() -> async.start(() -> complete(async, writer)), delayMs, TimeUnit.MILLISECONDS);
    }

    private static void complete(AsyncContext async, Writer writer) {
        try {
            writer.writeTo((HttpServletResponse) async.getResponse());
            async.complete();
        } catch (IOException | IllegalStateException clientGoneOrTimedOut) {
            LOG.log(Level.FINE, "Delayed answer could not be written", clientGoneOrTimedOut);
        }
    }

    @Override
    public void close() {
        delays.shutdownNow();
    }
}
