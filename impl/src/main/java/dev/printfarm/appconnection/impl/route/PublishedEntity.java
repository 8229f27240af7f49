package dev.printfarm.appconnection.impl.route;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.Flow;
import org.apache.hc.core5.http.nio.AsyncEntityProducer;
import org.apache.hc.core5.http.nio.DataStreamChannel;

/**
 * Sends a JDK {@link HttpRequest.BodyPublisher} as the body of a request of the transport's client. The publisher is
 * asked for one buffer at a time, and never on the client's own I/O threads: a publisher that reads a stream (an upload
 * from the caller's {@code InputStream}) may block while it reads, so it is asked on the module's threads, and what it
 * gives is written when the connection can take it.
 */
final class PublishedEntity implements AsyncEntityProducer, Flow.Subscriber<ByteBuffer> {

    private final HttpRequest.BodyPublisher publisher;
    private final Executor askOn;

    private final Object lock = new Object();
    private final ArrayDeque<ByteBuffer> queue = new ArrayDeque<>();
    private Flow.Subscription subscription;
    private boolean subscribed;
    private boolean asked;
    private boolean complete;
    private Throwable error;
    private DataStreamChannel channel;

    PublishedEntity(HttpRequest.BodyPublisher publisher, Executor askOn) {
        this.publisher = publisher;
        this.askOn = askOn;
    }

    @Override
    public long getContentLength() {
        return publisher.contentLength();
    }

    @Override
    public boolean isChunked() {
        return publisher.contentLength() < 0;
    }

    @Override
    public String getContentType() {
        // The request's own Content-Type header says it.
        return null;
    }

    @Override
    public String getContentEncoding() {
        return null;
    }

    @Override
    public Set<String> getTrailerNames() {
        return Set.of();
    }

    @Override
    public boolean isRepeatable() {
        return false;
    }

    @Override
    public int available() {
        synchronized (lock) {
            int bytes = 0;
            for (ByteBuffer buffer : queue) {
                bytes += buffer.remaining();
            }
            return bytes > 0 ? bytes : complete || error != null ? 1 : 0;
        }
    }

    @Override
    public void produce(DataStreamChannel to) throws IOException {
        boolean subscribe;
        synchronized (lock) {
            channel = to;
            subscribe = !subscribed;
            subscribed = true;
        }
        if (subscribe) {
            publisher.subscribe(this);
            return;
        }
        while (true) {
            ByteBuffer next;
            synchronized (lock) {
                if (error != null) {
                    throw error instanceof IOException io ? io : new IOException("the request body failed", error);
                }
                next = queue.peek();
                if (next == null) {
                    if (complete) {
                        break;
                    }
                    askForMore();
                    return;
                }
            }
            to.write(next);
            if (next.hasRemaining()) {
                return; // the connection is full; the client calls again when it can take more
            }
            synchronized (lock) {
                queue.poll();
            }
        }
        to.endStream();
    }

    /** Asks the publisher for the next buffer, once, on the module's threads; called holding the lock. */
    private void askForMore() {
        if (asked || subscription == null) {
            return;
        }
        asked = true;
        Flow.Subscription s = subscription;
        askOn.execute(() -> s.request(1));
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        synchronized (lock) {
            subscription = s;
            askForMore();
        }
    }

    @Override
    public void onNext(ByteBuffer buffer) {
        signalled(() -> {
            asked = false;
            queue.add(buffer);
        });
    }

    @Override
    public void onError(Throwable failure) {
        signalled(() -> error = failure);
    }

    @Override
    public void onComplete() {
        signalled(() -> complete = true);
    }

    /** Takes the publisher's signal and has the client call {@link #produce} to pass it on. */
    private void signalled(Runnable change) {
        DataStreamChannel to;
        synchronized (lock) {
            change.run();
            to = channel;
        }
        to.requestOutput();
    }

    @Override
    public void failed(Exception cause) {
        releaseResources();
    }

    @Override
    public void releaseResources() {
        Flow.Subscription s;
        synchronized (lock) {
            s = complete ? null : subscription;
            subscription = null;
            queue.clear();
        }
        if (s != null) {
            s.cancel();
        }
    }
}
