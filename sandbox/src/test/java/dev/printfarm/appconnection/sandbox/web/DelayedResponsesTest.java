package dev.printfarm.appconnection.sandbox.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DelayedResponsesTest {

    private final DelayedResponses responses = new DelayedResponses("test-latency");
    private final FakeAsync async = new FakeAsync();
    private final AtomicInteger over = new AtomicInteger();
    private final CountDownLatch overLatch = new CountDownLatch(1);

    @AfterEach
    void close() {
        responses.close();
    }

    @Test
    void anImmediateAnswerIsOverOnceWrittenEvenWhenWritingFails() {
        assertThrows(
                IOException.class,
                () -> responses.send(
                        async.request(),
                        async.response(),
                        0,
                        out -> {
                            throw new IOException("Broken pipe");
                        },
                        this::ended));

        assertEquals(1, over.get());
        assertEquals(0, async.started.get());
    }

    @Test
    void aDelayedAnswerIsOverOnceItsAsynchronousCycleCompletes() throws Exception {
        AtomicInteger written = new AtomicInteger();

        responses.send(async.request(), async.response(), 1, out -> written.incrementAndGet(), this::ended);

        assertTrue(overLatch.await(10, TimeUnit.SECONDS));
        assertEquals(1, written.get());
        assertEquals(1, async.completed.get());
        assertEquals(1, over.get());
    }

    @Test
    void aClientGoneBeforeTheDelayedAnswerIsWrittenStillEndsTheCycle() throws Exception {
        responses.send(
                async.request(),
                async.response(),
                1,
                out -> {
                    throw new IOException("Connection reset by peer");
                },
                this::ended);

        assertTrue(overLatch.await(10, TimeUnit.SECONDS));
        assertEquals(1, async.completed.get());
        assertEquals(1, over.get());
    }

    @Test
    void aCycleThatTimesOutAndThenCompletesIsOverOnce() throws Exception {
        responses.send(async.request(), async.response(), 600_000, out -> {}, this::ended);

        async.fire(AsyncListener::onTimeout);
        async.fire(AsyncListener::onError);
        async.fire(AsyncListener::onComplete);

        assertEquals(1, over.get());
    }

    private void ended() {
        over.incrementAndGet();
        overLatch.countDown();
    }

    /** A container's asynchronous cycle, as far as {@link DelayedResponses} uses it; runs started work inline. */
    private static final class FakeAsync {

        @FunctionalInterface
        interface Event {
            void on(AsyncListener listener, AsyncEvent event) throws IOException;
        }

        final AtomicInteger started = new AtomicInteger();
        final AtomicInteger completed = new AtomicInteger();
        final List<AsyncListener> listeners = new CopyOnWriteArrayList<>();
        private final HttpServletResponse response = proxy(HttpServletResponse.class, (method, args) -> null);
        private final AsyncContext context = proxy(AsyncContext.class, (method, args) -> switch (method) {
            case "addListener" -> {
                listeners.add((AsyncListener) args[0]);
                yield null;
            }
            case "start" -> {
                ((Runnable) args[0]).run();
                yield null;
            }
            case "complete" -> {
                completed.incrementAndGet();
                fire(AsyncListener::onComplete);
                yield null;
            }
            case "getResponse" -> response;
            default -> null;
        });
        private final HttpServletRequest request = proxy(HttpServletRequest.class, (method, args) -> {
            if ("startAsync".equals(method)) {
                started.incrementAndGet();
                return context;
            }
            return null;
        });

        HttpServletRequest request() {
            return request;
        }

        HttpServletResponse response() {
            return response;
        }

        void fire(Event event) {
            for (AsyncListener listener : listeners) {
                try {
                    event.on(listener, new AsyncEvent(context));
                } catch (IOException e) {
                    throw new AssertionError(e);
                }
            }
        }

        @FunctionalInterface
        interface Handler {
            Object handle(String method, Object[] args);
        }

        private static <T> T proxy(Class<T> type, Handler handler) {
            return type.cast(Proxy.newProxyInstance(
                    DelayedResponsesTest.class.getClassLoader(), new Class<?>[] {type}, (self, method, args) -> {
                        Object answer = handler.handle(method.getName(), args);
                        if (answer == null && method.getReturnType() == boolean.class) {
                            return false;
                        }
                        if (answer == null && method.getReturnType() == long.class) {
                            return 0L;
                        }
                        if (answer == null && method.getReturnType() == int.class) {
                            return 0;
                        }
                        return answer;
                    }));
        }
    }
}
