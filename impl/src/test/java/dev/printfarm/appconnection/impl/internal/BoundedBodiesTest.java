package dev.printfarm.appconnection.impl.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Flow;
import org.junit.jupiter.api.Test;

class BoundedBodiesTest {

    private static final int CHUNK = 16 * 1024;
    private static final BodyLimits LIMITS = new BodyLimits(1024 * 1024, 64 * 1024, 8 * 1024 * 1024);

    /** A body that never ends: a fresh chunk for every buffer asked for, until cancelled. Counts what it made. */
    static final class EndlessPublisher implements Flow.Publisher<List<ByteBuffer>> {
        long produced;
        boolean cancelled;
        private long demand;
        private boolean delivering;

        @Override
        public void subscribe(Flow.Subscriber<? super List<ByteBuffer>> subscriber) {
            subscriber.onSubscribe(new Flow.Subscription() {
                @Override
                public void request(long n) {
                    demand += n;
                    if (delivering) {
                        return;
                    }
                    delivering = true;
                    while (demand > 0 && !cancelled) {
                        demand--;
                        produced += CHUNK;
                        subscriber.onNext(List.of(ByteBuffer.wrap(new byte[CHUNK])));
                    }
                    delivering = false;
                }

                @Override
                public void cancel() {
                    cancelled = true;
                }
            });
        }
    }

    /** An input stream that never ends, counting what was read from it. */
    static final class EndlessStream extends InputStream {
        long served;
        boolean closed;

        @Override
        public int read() {
            served++;
            return 'x';
        }

        @Override
        public int read(byte[] b, int off, int len) {
            served += len;
            return len;
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    private static HttpResponse.ResponseInfo answer(int status, String contentType) {
        return new HttpResponse.ResponseInfo() {
            @Override
            public int statusCode() {
                return status;
            }

            @Override
            public HttpHeaders headers() {
                return HttpHeaders.of(Map.of("Content-Type", List.of(contentType)), (k, v) -> true);
            }

            @Override
            public HttpClient.Version version() {
                return HttpClient.Version.HTTP_1_1;
            }
        };
    }

    @Test
    void anEndlessBodyIsCutAtTheCapAndItsSubscriptionCancelled() {
        EndlessPublisher endless = new EndlessPublisher();
        HttpResponse.BodySubscriber<String> body =
                BoundedBodies.ofString(LIMITS).apply(answer(200, "application/json"));
        endless.subscribe(body);
        var failure = assertThrows(
                CompletionException.class,
                () -> body.getBody().toCompletableFuture().join());
        BodyTooLargeException tooLarge = assertInstanceOf(BodyTooLargeException.class, failure.getCause());
        assertEquals(LIMITS.jsonBytes(), tooLarge.limit());
        assertEquals(200, tooLarge.status());
        assertTrue(endless.cancelled, "the response is given up");
        assertTrue(endless.produced <= LIMITS.jsonBytes() + CHUNK, "read " + endless.produced + " bytes, past the cap");
    }

    @Test
    void anErrorBodyHasTheSmallerCap() {
        EndlessPublisher endless = new EndlessPublisher();
        HttpResponse.BodySubscriber<byte[]> body = BoundedBodies.ofBytes(LIMITS).apply(answer(500, "text/html"));
        endless.subscribe(body);
        var failure = assertThrows(
                CompletionException.class,
                () -> body.getBody().toCompletableFuture().join());
        assertEquals(
                LIMITS.errorBytes(),
                assertInstanceOf(BodyTooLargeException.class, failure.getCause())
                        .limit());
        assertTrue(endless.produced <= LIMITS.errorBytes() + CHUNK, "read " + endless.produced + " bytes");
    }

    @Test
    void aBodyUnderTheCapIsReadWholeInItsCharset() {
        HttpResponse.BodySubscriber<String> body =
                BoundedBodies.ofString(LIMITS).apply(answer(200, "application/json; charset=ISO-8859-1"));
        body.onSubscribe(new Flow.Subscription() {
            @Override
            public void request(long n) {}

            @Override
            public void cancel() {}
        });
        body.onNext(List.of(
                ByteBuffer.wrap("{\"name\":\"".getBytes(StandardCharsets.ISO_8859_1)),
                ByteBuffer.wrap("Prusa \u00e9\"}".getBytes(StandardCharsets.ISO_8859_1))));
        body.onComplete();
        assertEquals(
                "{\"name\":\"Prusa \u00e9\"}",
                body.getBody().toCompletableFuture().join());
    }

    @Test
    void anEndlessStreamFailsOnceOverTheCapHavingReadAtMostOneByteMore() {
        EndlessStream endless = new EndlessStream();
        InputStream limited = BoundedBodies.limited(endless, 100_000, 200);
        var e = assertThrows(BodyTooLargeException.class, limited::readAllBytes);
        assertEquals(100_000, e.limit());
        assertTrue(endless.served <= 100_001, "served " + endless.served);
        assertThrows(BodyTooLargeException.class, limited::read, "and it stays failed");
    }

    @Test
    void readAtMostReadsAWholeSmallBodyAndRefusesAnEndlessOne() throws Exception {
        assertArrayEquals(
                new byte[] {1, 2, 3},
                BoundedBodies.readAtMost(new java.io.ByteArrayInputStream(new byte[] {1, 2, 3}), 3, 200));
        EndlessStream endless = new EndlessStream();
        assertThrows(BodyTooLargeException.class, () -> BoundedBodies.readAtMost(endless, 8 * 1024 * 1024, 200));
        assertTrue(endless.served <= 8 * 1024 * 1024 + 1, "served " + endless.served);
    }

    @Test
    void theCapFailureIsFoundAmongTheCauses() {
        var cause = new BodyTooLargeException(5, 200);
        assertEquals(
                cause,
                BoundedBodies.find(new RuntimeException(new java.io.IOException("wrapped", cause)))
                        .orElseThrow());
        assertTrue(BoundedBodies.find(new java.io.IOException("reset")).isEmpty());
    }
}
