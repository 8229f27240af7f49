package dev.printfarm.appconnection.impl.internal;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Bodies read whole, with a cap: past it, reading stops, the response is given up (its subscription cancelled, which
 * closes the connection) and the read fails with a {@link BodyTooLargeException}. So an answer that never ends costs
 * at most the cap in memory.
 */
public final class BoundedBodies {

    private BoundedBodies() {}

    /** The body as bytes, capped by {@link BodyLimits#forStatus(int)}. */
    public static HttpResponse.BodyHandler<byte[]> ofBytes(BodyLimits limits) {
        return info -> new Capped(limits.forStatus(info.statusCode()), info.statusCode());
    }

    /** The body as text in the charset its Content-Type names (UTF-8 if none), capped like {@link #ofBytes}. */
    public static HttpResponse.BodyHandler<String> ofString(BodyLimits limits) {
        return info -> HttpResponse.BodySubscribers.mapping(
                new Capped(limits.forStatus(info.statusCode()), info.statusCode()),
                bytes -> new String(bytes, charset(info.headers().firstValue("Content-Type"))));
    }

    /** At most {@code limit} bytes of the stream, whole. */
    public static byte[] readAtMost(InputStream in, int limit, int status) throws IOException {
        byte[] data = in.readNBytes(limit + 1);
        if (data.length > limit) {
            throw new BodyTooLargeException(limit, status);
        }
        return data;
    }

    /** A stream that fails once more than {@code limit} bytes were read from it. */
    public static InputStream limited(InputStream in, long limit, int status) {
        return new FilterInputStream(in) {
            private long count;

            @Override
            public int read() throws IOException {
                refuseAfterLimit();
                int b = super.read();
                if (b >= 0) {
                    counted(1);
                }
                return b;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                refuseAfterLimit();
                int n = super.read(buffer, offset, (int) Math.min(length, limit - count + 1));
                if (n > 0) {
                    counted(n);
                }
                return n;
            }

            private void refuseAfterLimit() throws BodyTooLargeException {
                if (count > limit) {
                    throw new BodyTooLargeException(limit, status);
                }
            }

            private void counted(int n) throws BodyTooLargeException {
                count += n;
                if (count > limit) {
                    throw new BodyTooLargeException(limit, status);
                }
            }
        };
    }

    /** The cap failure somewhere in a failure's causes. */
    public static Optional<BodyTooLargeException> find(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof BodyTooLargeException tooLarge) {
                return Optional.of(tooLarge);
            }
        }
        return Optional.empty();
    }

    static Charset charset(Optional<String> contentType) {
        for (String part : contentType.orElse("").split(";")) {
            String p = part.strip();
            if (p.regionMatches(true, 0, "charset=", 0, 8)) {
                try {
                    return Charset.forName(p.substring(8).replace("\"", "").strip());
                } catch (IllegalArgumentException unknown) {
                    return StandardCharsets.UTF_8;
                }
            }
        }
        return StandardCharsets.UTF_8;
    }

    /** Collects the body up to the cap; one more byte cancels the subscription and fails the body. */
    static final class Capped implements HttpResponse.BodySubscriber<byte[]> {
        private final long limit;
        private final int status;
        private final CompletableFuture<byte[]> body = new CompletableFuture<>();
        private final java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        private Flow.Subscription subscription;

        Capped(long limit, int status) {
            this.limit = limit;
            this.status = status;
        }

        @Override
        public CompletionStage<byte[]> getBody() {
            return body;
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
            s.request(1);
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            if (body.isDone()) {
                return;
            }
            for (ByteBuffer buffer : buffers) {
                if (bytes.size() + (long) buffer.remaining() > limit) {
                    subscription.cancel();
                    body.completeExceptionally(new BodyTooLargeException(limit, status));
                    return;
                }
                byte[] chunk = new byte[buffer.remaining()];
                buffer.get(chunk);
                bytes.writeBytes(chunk);
            }
            subscription.request(1);
        }

        @Override
        public void onError(Throwable failure) {
            body.completeExceptionally(failure);
        }

        @Override
        public void onComplete() {
            body.complete(bytes.toByteArray());
        }
    }
}
