package dev.printfarm.appconnection.impl.moonraker;

import dev.printfarm.appconnection.api.Subscription;
import dev.printfarm.appconnection.api.event.ConnectionRemoved;
import dev.printfarm.appconnection.api.moonraker.MoonrakerListener;
import dev.printfarm.appconnection.api.moonraker.MoonrakerStatus;
import dev.printfarm.appconnection.api.stream.StreamEnd;
import dev.printfarm.appconnection.impl.error.ErrorAnswer;
import dev.printfarm.appconnection.impl.error.Side;
import dev.printfarm.appconnection.impl.internal.Background;
import dev.printfarm.appconnection.impl.live.RelaySocket;
import dev.printfarm.appconnection.impl.live.SocketTable;
import dev.printfarm.appconnection.impl.relay.CallOutcomes;
import dev.printfarm.appconnection.impl.store.ConnectionStore;
import dev.printfarm.appconnection.impl.store.OpenedConnections;
import dev.printfarm.appconnection.impl.store.StoredConnection;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Moonraker's JSON-RPC websocket per subscribed connection; a {@link RelaySocket}, so open while someone listens and
 * reconnected after a drop that is not the connection's end. It subscribes to the farm's objects, keeps the full status from the answer
 * and merges each {@code notify_status_update} into it ({@link StatusMerge}), handing every listener the whole status
 * each time. A drop forgets the status (no delta may land on a stale one), learns the state behind it with one plain
 * HTTP call (the guard records 603/604/606), then reconnects after a jittered, growing delay and starts over from the
 * new subscription's answer, or ends for a connection that is gone. Klippy restarting ({@code notify_klippy_ready})
 * drops Klipper's subscriptions, so the socket subscribes again.
 */
@ApplicationScoped
public class MoonrakerSockets {

    private static final Logger LOG = Logger.getLogger(MoonrakerSockets.class.getName());
    static final String PATH = "/websocket";
    /** Moonraker's answer to a subscription while Klippy is not connected. */
    private static final int KLIPPY_NOT_CONNECTED = 503;
    /** How long a socket whose Klippy is not connected waits for {@code notify_klippy_ready} before asking again. */
    private static final Duration KLIPPY_RETRY = Duration.ofSeconds(30);

    @Inject
    MoonrakerClients shared;

    @Inject
    ConnectionStore store;

    @Inject
    OpenedConnections opened;

    @Inject
    CallOutcomes outcomes;

    @Inject
    Background background;

    private final AtomicLong requestIds = new AtomicLong();
    private SocketTable<Watcher, Session> table;

    @PostConstruct
    void init() {
        RelaySocket.Wiring wiring = new RelaySocket.Wiring(shared, opened, outcomes, background);
        table = new SocketTable<>(id -> new Session(id, wiring), store, background);
    }

    /** A listener, and whether it has had a status yet (a late joiner gets the current one first). */
    static final class Watcher {
        final MoonrakerListener listener;
        boolean primed;

        Watcher(MoonrakerListener listener) {
            this.listener = Objects.requireNonNull(listener, "listener");
        }
    }

    /** One connection's socket: the subscription, the merged status. */
    private final class Session extends RelaySocket<Watcher> {
        /** The subscribe request whose answer is awaited; 0 when none is. */
        volatile long awaited;

        volatile ScheduledFuture<?> answerDeadline;
        /** The merged objects since the last subscription's answer; null before it and after a drop. */
        JsonObject objects;

        OptionalDouble eventtime = OptionalDouble.empty();
        volatile MoonrakerStatus current;

        Session(String connectionId, Wiring wiring) {
            super(connectionId, wiring, table, LOG);
        }

        @Override
        protected String path() {
            return PATH;
        }

        @Override
        protected void opened(WebSocket ws) {
            subscribe(ws);
        }

        /** Sends the subscription; one that is not answered within the read timeout counts as a drop. */
        void subscribe(WebSocket ws) {
            long id = requestIds.incrementAndGet();
            awaited = id;
            cancelDeadline();
            answerDeadline = background
                    .schedule(shared.relaySettings().readTimeout(), () -> {
                        if (awaited == id && socket() == ws) {
                            LOG.fine(() ->
                                    "Moonraker socket of App Connection " + connectionId + ": no answer to subscribe");
                            ws.abort();
                            dropped(ws, Optional.empty());
                        }
                    })
                    .orElse(null);
            ws.sendText(MoonrakerRpc.subscribe(id), true).exceptionally(e -> {
                ws.abort();
                later(ws);
                return ws;
            });
        }

        /** The answer came, or the socket is gone: a pending deadline must not outlive the application either. */
        void cancelDeadline() {
            ScheduledFuture<?> deadline = answerDeadline;
            if (deadline != null) {
                deadline.cancel(false);
            }
        }

        @Override
        protected void frame(WebSocket ws, String text) {
            List<MoonrakerRpc.Message> messages = MoonrakerRpc.parse(text);
            appContext.execute(() -> messages.forEach(message -> handle(ws, message)));
        }

        private void handle(WebSocket ws, MoonrakerRpc.Message message) {
            if (stopped() || ws != socket()) {
                return;
            }
            if (message instanceof MoonrakerRpc.Answer answer && answer.id() == awaited) {
                awaited = 0;
                cancelDeadline();
                healthy();
                synchronized (delivery) {
                    objects = answer.status();
                    eventtime = answer.eventtime();
                    publish();
                }
            } else if (message instanceof MoonrakerRpc.Failure failure
                    && failure.id().isPresent()
                    && failure.id().getAsLong() == awaited) {
                awaited = 0;
                cancelDeadline();
                if (MoonrakerRpc.httpStatus(failure.code()) == KLIPPY_NOT_CONNECTED) {
                    // Moonraker is there and Klippy is not: keep the socket, say so, and subscribe again when
                    // notify_klippy_ready comes, or in a while in case it never does.
                    healthy();
                    klippyDown(new MoonrakerRpc.KlippyDown("disconnected"));
                    answerDeadline = background
                            .schedule(KLIPPY_RETRY, () -> {
                                if (!stopped() && socket() == ws && awaited == 0) {
                                    subscribe(ws);
                                }
                            })
                            .orElse(null);
                    return;
                }
                ws.abort();
                // Moonraker's refusal is the printer's answer like an HTTP error: the one mapper keeps its status and
                // its cleaned message.
                later(
                        ws,
                        Optional.of(wiring.clients()
                                .transport()
                                .errors()
                                .map(new ErrorAnswer(
                                        connectionId,
                                        Side.RELAY,
                                        MoonrakerRpc.httpStatus(failure.code()),
                                        Map.of("Content-Type", List.of("text/plain")),
                                        failure.message().getBytes(StandardCharsets.UTF_8),
                                        false,
                                        Set.of()))));
            } else if (message instanceof MoonrakerRpc.StatusUpdate update) {
                synchronized (delivery) {
                    if (objects != null) {
                        objects = StatusMerge.merge(objects, update.changes());
                        if (update.eventtime().isPresent()) {
                            eventtime = update.eventtime();
                        }
                        publish();
                    }
                }
            } else if (message instanceof MoonrakerRpc.KlippyReady) {
                subscribe(ws);
            } else if (message instanceof MoonrakerRpc.KlippyDown down) {
                klippyDown(down);
            }
        }

        /**
         * Klippy went: the listeners hear it as the status's {@code webhooks.state}. Disconnected, Moonraker forgot the
         * subscription and its cache, so nothing else of the old status holds; shut down, the rest still stands.
         */
        private void klippyDown(MoonrakerRpc.KlippyDown down) {
            JsonObject webhooks = Json.createObjectBuilder()
                    .add("webhooks", Json.createObjectBuilder().add("state", down.state()))
                    .build();
            synchronized (delivery) {
                objects = objects == null || down.state().equals("disconnected")
                        ? webhooks
                        : StatusMerge.merge(objects, webhooks);
                publish();
            }
        }

        /** Under {@link #delivery}: the merged objects as a status, to every listener. */
        private void publish() {
            MoonrakerStatus status = MoonrakerMapper.status(objects, eventtime);
            current = status;
            for (Watcher watcher : listeners) {
                deliver(watcher, status);
            }
        }

        /** A listener that joined an open subscription gets the current status first. */
        @Override
        protected void joined(Watcher watcher) {
            if (current != null) {
                background.submit(() -> {
                    synchronized (delivery) {
                        MoonrakerStatus status = current;
                        if (!watcher.primed && status != null && objects != null && listeners.contains(watcher)) {
                            deliver(watcher, status);
                        }
                    }
                });
            }
        }

        private void deliver(Watcher watcher, MoonrakerStatus status) {
            watcher.primed = true;
            try {
                watcher.listener.onStatus(status);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "A Moonraker listener of App Connection " + connectionId + " failed", e);
            }
        }

        /** No delta may land on a status from before the drop: the next subscription's answer starts over. */
        @Override
        protected void released() {
            awaited = 0;
            cancelDeadline();
            synchronized (delivery) {
                objects = null;
                current = null;
            }
        }

        @Override
        protected void probe(StoredConnection stored) {
            shared.open(stored).serverInfo();
        }

        @Override
        protected void ended(Watcher watcher, StreamEnd end) {
            watcher.listener.onEnd(end);
        }
    }

    public Subscription watch(String connectionId, MoonrakerListener listener) {
        Objects.requireNonNull(listener, "listener");
        return table.watch(connectionId, new Watcher(listener));
    }

    /** Whether a Moonraker socket is open for the connection now; for health and tests. */
    public boolean open(String connectionId) {
        return table.open(connectionId);
    }

    /** The application stops: every socket closes, without telling listeners that are going away with it. */
    @PreDestroy
    void closeAll() {
        table.closeAll();
    }

    void forget(@Observes ConnectionRemoved removed) {
        table.forget(removed.connectionId());
    }
}
