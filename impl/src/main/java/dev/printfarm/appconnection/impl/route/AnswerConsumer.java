package dev.printfarm.appconnection.impl.route;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Flow;
import javax.net.ssl.SSLSession;
import org.apache.hc.core5.concurrent.FutureCallback;
import org.apache.hc.core5.http.EntityDetails;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.nio.AsyncResponseConsumer;
import org.apache.hc.core5.http.nio.CapacityChannel;
import org.apache.hc.core5.http.protocol.HttpContext;

/**
 * Reads one answer of the transport's client into a JDK {@link HttpResponse.BodySubscriber}, so the module's body
 * handlers (capped text and bytes, streams) serve unchanged. The answer is handed on once the subscriber's body is
 * ready: at the end for text and bytes, at once for a stream.
 *
 * <p>Bytes reach the subscriber only as it asks for them; what it has not asked for waits here, and the client stops
 * reading from the socket once the connection's window is full, so a slow reader holds a window of bytes, not the whole
 * answer. When the subscriber gives up (a capped body past its cap, a stream closed unread), the next bytes that come
 * fail the exchange, which closes the connection instead of reading the rest.
 */
final class AnswerConsumer<T> implements AsyncResponseConsumer<HttpResponse<T>>, Flow.Subscription {

    private final HttpRequest request;
    private final HttpResponse.BodyHandler<T> handler;

    private final Object lock = new Object();
    private final ArrayDeque<ByteBuffer> queue = new ArrayDeque<>();
    private HttpResponse.BodySubscriber<T> subscriber;
    private long demand;
    private boolean ended;
    private Throwable error;
    private boolean cancelled;
    private boolean finished;
    private boolean draining;
    private boolean again;
    private CapacityChannel capacity;
    private int released;

    AnswerConsumer(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
        this.request = request;
        this.handler = handler;
    }

    @Override
    public void consumeResponse(
            org.apache.hc.core5.http.HttpResponse response,
            EntityDetails entity,
            HttpContext context,
            FutureCallback<HttpResponse<T>> result)
            throws HttpException, IOException {
        int status = response.getCode();
        HttpHeaders headers = headers(response.getHeaders());
        HttpResponse.BodySubscriber<T> body = handler.apply(new Info(status, headers));
        synchronized (lock) {
            subscriber = body;
            if (entity == null) {
                ended = true;
            }
        }
        body.onSubscribe(this);
        drain();
        body.getBody().whenComplete((value, failure) -> {
            if (failure != null) {
                result.failed(failure instanceof Exception e ? e : new IOException(failure));
            } else {
                result.completed(new Answer<>(request, status, headers, value));
            }
        });
    }

    @Override
    public void informationResponse(org.apache.hc.core5.http.HttpResponse response, HttpContext context) {
        // 1xx answers carry nothing the module reads.
    }

    @Override
    public void updateCapacity(CapacityChannel channel) throws IOException {
        int give;
        synchronized (lock) {
            capacity = channel;
            give = released;
            released = 0;
        }
        if (give > 0) {
            channel.update(give);
        }
    }

    @Override
    public void consume(ByteBuffer data) throws IOException {
        ByteBuffer copy = ByteBuffer.allocate(data.remaining());
        copy.put(data).flip();
        synchronized (lock) {
            if (cancelled) {
                throw new IOException("the rest of the answer was given up");
            }
            if (finished) {
                return;
            }
            queue.add(copy);
        }
        drain();
    }

    @Override
    public void streamEnd(List<? extends Header> trailers) {
        synchronized (lock) {
            ended = true;
        }
        drain();
    }

    @Override
    public void failed(Exception cause) {
        synchronized (lock) {
            if (error == null) {
                error = cause;
            }
        }
        drain();
    }

    @Override
    public void releaseResources() {
        synchronized (lock) {
            if (!ended && error == null) {
                error = new IOException("the answer ended before its body was complete");
            }
        }
        drain();
    }

    @Override
    public void request(long n) {
        synchronized (lock) {
            if (n <= 0 && error == null) {
                error = new IllegalArgumentException("a subscriber asked for " + n + " items");
            } else {
                demand = demand + n < 0 ? Long.MAX_VALUE : demand + n;
            }
        }
        drain();
    }

    @Override
    public void cancel() {
        synchronized (lock) {
            cancelled = true;
            queue.clear();
        }
    }

    /** Passes what was asked for to the subscriber, one caller at a time, so its signals never overlap. */
    private void drain() {
        synchronized (lock) {
            if (draining) {
                again = true;
                return;
            }
            draining = true;
        }
        while (true) {
            ByteBuffer next = null;
            Throwable failure = null;
            boolean complete = false;
            HttpResponse.BodySubscriber<T> to;
            synchronized (lock) {
                to = subscriber;
                if (to == null || finished || cancelled) {
                    draining = false;
                    return;
                }
                if (error != null) {
                    failure = error;
                    finished = true;
                    queue.clear();
                } else if (!queue.isEmpty() && demand > 0) {
                    next = queue.poll();
                    demand--;
                } else if (queue.isEmpty() && ended) {
                    complete = true;
                    finished = true;
                } else if (again) {
                    again = false;
                    continue;
                } else {
                    draining = false;
                    return;
                }
            }
            if (failure != null) {
                to.onError(failure);
            } else if (complete) {
                to.onComplete();
            } else {
                int size = next.remaining();
                to.onNext(List.of(next));
                release(size);
            }
        }
    }

    /** Gives the delivered bytes back to the connection's window, or keeps them for when the client asks. */
    private void release(int size) {
        CapacityChannel channel;
        synchronized (lock) {
            channel = capacity;
            if (channel == null) {
                released += size;
                return;
            }
        }
        try {
            channel.update(size);
        } catch (IOException e) {
            synchronized (lock) {
                if (error == null) {
                    error = e;
                }
            }
        }
    }

    private static HttpHeaders headers(Header[] all) {
        Map<String, List<String>> map = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (Header header : all) {
            map.computeIfAbsent(header.getName(), name -> new java.util.ArrayList<>())
                    .add(header.getValue());
        }
        // Names that differ only in case are merged here: HttpHeaders.of refuses them apart.
        return HttpHeaders.of(map, (name, value) -> true);
    }

    private record Info(int statusCode, HttpHeaders headers) implements HttpResponse.ResponseInfo {
        @Override
        public HttpClient.Version version() {
            return HttpClient.Version.HTTP_1_1;
        }
    }

    /** An answer as the module's code reads it. */
    private record Answer<T>(HttpRequest request, int statusCode, HttpHeaders headers, T body)
            implements HttpResponse<T> {

        @Override
        public Optional<HttpResponse<T>> previousResponse() {
            return Optional.empty();
        }

        @Override
        public Optional<SSLSession> sslSession() {
            return Optional.empty();
        }

        @Override
        public URI uri() {
            return request.uri();
        }

        @Override
        public HttpClient.Version version() {
            return HttpClient.Version.HTTP_1_1;
        }

        @Override
        public String toString() {
            // The request's URI stays out: a LAN or relay URI is not a secret, but nothing here needs it.
            return "answer " + statusCode;
        }
    }
}
