package dev.printfarm.appconnection.impl.live;

import dev.printfarm.appconnection.api.Subscription;
import dev.printfarm.appconnection.api.appapi.TransferLimits;
import dev.printfarm.appconnection.api.error.AppConnectionException;
import dev.printfarm.appconnection.api.error.NoWebcamException;
import dev.printfarm.appconnection.api.error.PrinterUnreachableException;
import dev.printfarm.appconnection.api.error.UnknownConnectionException;
import dev.printfarm.appconnection.api.event.ConnectionRemoved;
import dev.printfarm.appconnection.api.stream.FileDownload;
import dev.printfarm.appconnection.api.stream.StreamEnd;
import dev.printfarm.appconnection.api.stream.WebcamImage;
import dev.printfarm.appconnection.api.stream.WebcamListener;
import dev.printfarm.appconnection.impl.error.ErrorMapper;
import dev.printfarm.appconnection.impl.error.Side;
import dev.printfarm.appconnection.impl.internal.Background;
import dev.printfarm.appconnection.impl.octoprint.OctoPrintClients;
import dev.printfarm.appconnection.impl.store.ConnectionStore;
import dev.printfarm.appconnection.impl.store.OpenedConnections;
import dev.printfarm.appconnection.impl.store.StoredConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One MJPEG stream per connection, shared by every viewer: opened with the first subscription, closed with the last,
 * ended shortly before the account's stream-length limit. The frames are read on one managed-executor thread per
 * open stream and handed to each listener in turn; a watchdog ticking each second ends streams that reach their time
 * or stall.
 */
@ApplicationScoped
public class WebcamStreams {

    private static final Logger LOG = Logger.getLogger(WebcamStreams.class.getName());
    private static final Duration TICK = Duration.ofSeconds(1);

    @Inject
    Webcams webcams;

    @Inject
    OctoPrintClients shared;

    @Inject
    ConnectionStore store;

    @Inject
    OpenedConnections opened;

    @Inject
    Background background;

    private final Clock clock = Clock.systemUTC();
    private final Map<String, Upstream> streams = new ConcurrentHashMap<>();
    private final AtomicBoolean ticking = new AtomicBoolean();

    /** One connection's stream from the printer and its viewers. */
    private final class Upstream {
        final String connectionId;
        final List<Viewer> viewers = new CopyOnWriteArrayList<>();
        final AtomicBoolean ended = new AtomicBoolean();
        volatile InputStream body;
        volatile Instant deadline = Instant.MAX;
        volatile Instant lastFrameAt;
        volatile StreamEnd endReason;

        Upstream(String connectionId) {
            this.connectionId = connectionId;
            this.lastFrameAt = clock.instant();
        }

        /** Ends the stream for everyone: the reader stops at its next read. */
        void end(StreamEnd reason) {
            if (endReason == null) {
                endReason = reason;
            }
            InputStream open = body;
            if (open != null) {
                try {
                    open.close();
                } catch (IOException ignored) {
                    // closing to interrupt the read
                }
            }
        }
    }

    private static final class Viewer {
        final WebcamListener listener;

        Viewer(WebcamListener listener) {
            this.listener = listener;
        }
    }

    public Subscription watch(String connectionId, WebcamListener listener) {
        Objects.requireNonNull(listener, "listener");
        StoredConnection stored = (connectionId == null
                        ? Optional.<StoredConnection>empty()
                        : opened.find(connectionId))
                .orElseThrow(() -> new UnknownConnectionException(connectionId));
        Viewer viewer = new Viewer(listener);
        boolean[] first = {false};
        Upstream upstream = streams.compute(connectionId, (id, existing) -> {
            Upstream u = existing != null && !existing.ended.get() ? existing : new Upstream(id);
            first[0] = u != existing;
            u.viewers.add(viewer);
            return u;
        });
        if (ticking.compareAndSet(false, true)) {
            background.every("webcam stream watchdog", TICK, TICK, this::watchdog);
        }
        if (first[0] && !background.stream(() -> run(upstream, stored))) {
            finish(
                    upstream,
                    StreamEnd.failed(new PrinterUnreachableException(
                            "No webcam stream can be opened now: the"
                                    + " server is stopping, or it already reads as many streams as it may",
                            connectionId,
                            null)));
        }
        AtomicBoolean closed = new AtomicBoolean();
        return () -> {
            if (closed.compareAndSet(false, true)) {
                upstream.viewers.remove(viewer);
                if (upstream.viewers.isEmpty()) {
                    streams.remove(connectionId, upstream);
                    upstream.end(StreamEnd.of(StreamEnd.Reason.ENDED_UPSTREAM));
                }
            }
        };
    }

    /** How many streams from printers are open on this server; for health and tests. */
    public int openStreams() {
        return (int) streams.values().stream().filter(u -> !u.ended.get()).count();
    }

    private void run(Upstream upstream, StoredConnection stored) {
        String id = upstream.connectionId;
        try {
            String path = webcams.streamPath(stored)
                    .orElseThrow(() -> new NoWebcamException("The printer reports no camera with an MJPEG stream", id));
            TransferLimits limits = shared.appApi().limits(stored.connection(), stored.secrets());
            // The relay counts the stream's length from the request; so does the module, or a slow answer would let
            // the relay cut the stream first.
            Instant asked = clock.instant();
            FileDownload response = webcams.openStream(stored, path);
            upstream.body = response.body();
            upstream.lastFrameAt = clock.instant();
            limits.maxWebcamStreamSeconds().ifPresent(seconds -> {
                Duration endAfter = Duration.ofSeconds(seconds).minus(margin(Duration.ofSeconds(seconds)));
                upstream.deadline = asked.plus(endAfter);
                // On time to the millisecond; the watchdog's one-second tick is the fallback.
                background.schedule(
                        Duration.between(clock.instant(), upstream.deadline),
                        () -> upstream.end(StreamEnd.of(StreamEnd.Reason.LENGTH_LIMIT)));
            });
            if (upstream.viewers.isEmpty() || upstream.endReason != null) {
                upstream.end(
                        upstream.endReason == null
                                ? StreamEnd.of(StreamEnd.Reason.ENDED_UPSTREAM)
                                : upstream.endReason);
            }
            String boundary = MjpegReader.boundary(response.contentType().orElse(""))
                    .orElseThrow(() -> ErrorMapper.unreadable(
                            id, Side.RELAY, OptionalInt.empty(), "The webcam stream is not multipart/x-mixed-replace"));
            MjpegReader reader = new MjpegReader(
                    response.body(), boundary, (int) shared.transport().limits().snapshotBytes());
            long sequence = 0;
            Optional<MjpegReader.Part> part;
            while (upstream.endReason == null && (part = reader.next()).isPresent()) {
                upstream.lastFrameAt = clock.instant();
                WebcamImage frame = new WebcamImage(
                        ++sequence,
                        upstream.lastFrameAt,
                        part.get().contentType(),
                        part.get().data());
                for (Viewer viewer : upstream.viewers) {
                    deliver(viewer, frame);
                }
            }
            finish(
                    upstream,
                    upstream.endReason != null ? upstream.endReason : StreamEnd.of(StreamEnd.Reason.ENDED_UPSTREAM));
        } catch (AppConnectionException e) {
            finish(upstream, StreamEnd.failed(e));
        } catch (IOException e) {
            finish(
                    upstream,
                    upstream.endReason != null
                            ? upstream.endReason
                            : StreamEnd.failed(new PrinterUnreachableException(
                                    "The webcam stream broke off: "
                                            + e.getClass().getSimpleName(),
                                    id,
                                    e)));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "The webcam stream of App Connection " + id + " failed", e);
            finish(
                    upstream,
                    StreamEnd.failed(new PrinterUnreachableException(
                            "The webcam stream failed: " + e.getClass().getSimpleName(), id, e)));
        }
    }

    /** Ends a stream well before the relay would: the margin, but never more than a tenth of a short limit. */
    private Duration margin(Duration limit) {
        Duration configured = shared.webcamSettings().limitMargin();
        Duration tenth = limit.dividedBy(10);
        return configured.compareTo(tenth) > 0 ? tenth : configured;
    }

    private void finish(Upstream upstream, StreamEnd end) {
        if (!upstream.ended.compareAndSet(false, true)) {
            return;
        }
        streams.remove(upstream.connectionId, upstream);
        InputStream open = upstream.body;
        if (open != null) {
            try {
                open.close();
            } catch (IOException ignored) {
                // already ending
            }
        }
        for (Viewer viewer : upstream.viewers) {
            try {
                viewer.listener.onEnd(end);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "A webcam listener of App Connection " + upstream.connectionId + " failed", e);
            }
        }
    }

    private void deliver(Viewer viewer, WebcamImage frame) {
        try {
            viewer.listener.onFrame(frame);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "A webcam listener failed on a frame", e);
        }
    }

    void watchdog() {
        Instant now = clock.instant();
        Duration stall = shared.relaySettings().readTimeout();
        for (Upstream upstream : streams.values()) {
            if (!now.isBefore(upstream.deadline)) {
                upstream.end(StreamEnd.of(StreamEnd.Reason.LENGTH_LIMIT));
            } else if (upstream.body != null
                    && Duration.between(upstream.lastFrameAt, now).compareTo(stall) > 0) {
                upstream.end(StreamEnd.failed(new PrinterUnreachableException(
                        "The webcam stream sent no frame for " + stall.toSeconds() + " s",
                        upstream.connectionId,
                        null)));
            }
        }
    }

    void forget(@Observes ConnectionRemoved removed) {
        Upstream upstream = streams.remove(removed.connectionId());
        if (upstream != null) {
            upstream.end(StreamEnd.of(StreamEnd.Reason.ENDED_UPSTREAM));
        }
    }
}
