package dev.printfarm.appconnection.impl.moonraker;

import dev.printfarm.appconnection.api.AppConnectionException;
import dev.printfarm.appconnection.api.ConnectionRemoved;
import dev.printfarm.appconnection.api.MoonrakerListener;
import dev.printfarm.appconnection.api.MoonrakerStatus;
import dev.printfarm.appconnection.api.PrinterResponseException;
import dev.printfarm.appconnection.api.StreamEnd;
import dev.printfarm.appconnection.api.Subscription;
import dev.printfarm.appconnection.api.UnknownConnectionException;
import dev.printfarm.appconnection.impl.internal.Background;
import dev.printfarm.appconnection.impl.relay.Backoff;
import dev.printfarm.appconnection.impl.relay.CallOutcomes;
import dev.printfarm.appconnection.impl.route.HttpTransport;
import dev.printfarm.appconnection.impl.route.Target;
import dev.printfarm.appconnection.impl.store.ConnectionStore;
import dev.printfarm.appconnection.impl.store.StoredConnection;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Moonraker's JSON-RPC websocket per subscribed connection, through the relay with the relay credentials on the
 * handshake, open while someone listens. It subscribes to the farm's objects, keeps the full status from the answer
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
    private static final int NORMAL_CLOSURE = 1000;

    @Inject
    MoonrakerClients shared;

    @Inject
    ConnectionStore store;

    @Inject
    CallOutcomes outcomes;

    @Inject
    Background background;

    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final AtomicLong requestIds = new AtomicLong();

    /** A listener, and whether it has had a status yet (a late joiner gets the current one first). */
    private static final class Watcher {
        final MoonrakerListener listener;
        boolean primed;

        Watcher(MoonrakerListener listener) {
            this.listener = listener;
        }
    }

    /** One connection's socket, its listeners, the merged status and the reconnect state. */
    private final class Session implements WebSocket.Listener {
        final String connectionId;
        final List<Watcher> watchers = new CopyOnWriteArrayList<>();
        final AtomicBoolean stopped = new AtomicBoolean();
        final StringBuilder partial = new StringBuilder();
        /** Held while the status changes and listeners are called: one call at a time per connection. */
        final Object delivery = new Object();
        /** Captured where the session was made: the WebSocket's callbacks run on HttpClient threads without context. */
        final Executor appContext = background.inCurrentContext();
        final Backoff backoff = new Backoff(shared.config().pushReconnectInitial(), shared.config().pushReconnectMax());
        volatile WebSocket socket;
        volatile ScheduledFuture<?> pendingReconnect;
        /** The subscribe request whose answer is awaited; 0 when none is. */
        volatile long awaited;
        volatile ScheduledFuture<?> answerDeadline;
        /** The merged objects since the last subscription's answer; null before it and after a drop. */
        JsonObject objects;
        OptionalDouble eventtime = OptionalDouble.empty();
        volatile MoonrakerStatus current;
        int failures;

        Session(String connectionId) {
            this.connectionId = connectionId;
        }

        void connect() {
            // This attempt is the reconnect that was pending: a failure below must be able to schedule the next one.
            pendingReconnect = null;
            if (stopped.get()) {
                return;
            }
            StoredConnection stored;
            try {
                stored = store.findWithSecrets(connectionId).orElseThrow(() -> new UnknownConnectionException(connectionId));
            } catch (AppConnectionException e) {
                dropped(null, Optional.of(e));
                return;
            }
            Target target = shared.routes().relay(stored.connection(), stored.secrets());
            shared.transport().webSocket(target, PATH, this).whenCompleteAsync((ws, failure) -> {
                if (failure != null) {
                    dropped(null, Optional.of(handshakeFailure(target, failure)));
                } else if (stopped.get()) {
                    close(ws);
                } else {
                    subscribe(ws);
                }
            }, appContext);
        }

        /** Sends the subscription; one that is not answered within the read timeout counts as a drop. */
        void subscribe(WebSocket ws) {
            long id = requestIds.incrementAndGet();
            awaited = id;
            cancelDeadline();
            answerDeadline = background.schedule(shared.config().readTimeout(), () -> {
                if (awaited == id && socket == ws) {
                    LOG.fine(() -> "Moonraker socket of App Connection " + connectionId + ": no answer to subscribe");
                    ws.abort();
                    dropped(ws, Optional.empty());
                }
            }).orElse(null);
            ws.sendText(MoonrakerRpc.subscribe(id), true).exceptionally(e -> {
                ws.abort();
                appContext.execute(() -> dropped(ws, Optional.empty()));
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
        public void onOpen(WebSocket ws) {
            socket = ws;
            ws.request(1);
        }

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String frame = partial.toString();
                partial.setLength(0);
                List<MoonrakerRpc.Message> messages = MoonrakerRpc.parse(frame);
                appContext.execute(() -> messages.forEach(message -> handle(ws, message)));
            }
            ws.request(1);
            return null;
        }

        private void handle(WebSocket ws, MoonrakerRpc.Message message) {
            if (stopped.get() || ws != socket) {
                return;
            }
            if (message instanceof MoonrakerRpc.Answer answer && answer.id() == awaited) {
                awaited = 0;
                cancelDeadline();
                failures = 0;
                JsonObject result = MoonrakerJson.object(answer.result());
                synchronized (delivery) {
                    objects = result.get("status") instanceof JsonObject status ? status : JsonValue.EMPTY_JSON_OBJECT;
                    eventtime = MoonrakerJson.number(result, "eventtime");
                    publish();
                }
            } else if (message instanceof MoonrakerRpc.Failure failure && failure.id().isPresent()
                    && failure.id().getAsLong() == awaited) {
                awaited = 0;
                cancelDeadline();
                ws.abort();
                dropped(ws, Optional.of(new PrinterResponseException("Moonraker refused the subscription: "
                        + failure.message(), connectionId, MoonrakerRpc.httpStatus(failure.code()))));
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
            }
        }

        /** Under {@link #delivery}: the merged objects as a status, to every listener. */
        private void publish() {
            MoonrakerStatus status = MoonrakerJson.status(objects, eventtime);
            current = status;
            for (Watcher watcher : watchers) {
                deliver(watcher, status);
            }
        }

        /** A listener that joined an open subscription gets the current status first. */
        void prime(Watcher watcher) {
            synchronized (delivery) {
                MoonrakerStatus status = current;
                if (!watcher.primed && status != null && objects != null && watchers.contains(watcher)) {
                    deliver(watcher, status);
                }
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

        @Override
        public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
            if (!stopped.get()) {
                LOG.fine(() -> "Moonraker socket of App Connection " + connectionId + " closed: " + statusCode);
                appContext.execute(() -> dropped(ws, Optional.empty()));
            }
            return null;
        }

        @Override
        public void onError(WebSocket ws, Throwable error) {
            if (!stopped.get()) {
                LOG.fine(() -> "Moonraker socket of App Connection " + connectionId + " failed: " + error);
                appContext.execute(() -> dropped(ws, Optional.empty()));
            }
        }

        /**
         * The socket {@code which} is gone ({@code null}: none could be opened). Forget the status, learn why with one
         * plain call unless the failure already says, and stop for good when that cannot pass (revoked, rejected
         * credentials, not a Moonraker); else reconnect after a delay. Reports about an older socket are ignored.
         */
        synchronized void dropped(WebSocket which, Optional<AppConnectionException> why) {
            ScheduledFuture<?> pending = pendingReconnect;
            if (stopped.get() || (which != null && which != socket) || (pending != null && !pending.isDone())) {
                return;
            }
            socket = null;
            awaited = 0;
            cancelDeadline();
            synchronized (delivery) {
                objects = null;
                current = null;
            }
            AppConnectionException cause = why.orElseGet(this::diagnose);
            if (cause != null && !cause.isTemporary()) {
                stop(StreamEnd.failed(cause));
                return;
            }
            failures++;
            Duration wait = backoff.delay(failures, bound -> ThreadLocalRandom.current().nextLong(bound + 1));
            pendingReconnect = background.schedule(wait, this::connect).orElse(null);
            if (pendingReconnect == null) {
                stop(StreamEnd.of(StreamEnd.Reason.ENDED_UPSTREAM));
            }
        }

        /** One plain HTTP call through the guard; it records what it learns (603/604/605/606) in the state. */
        private AppConnectionException diagnose() {
            try {
                StoredConnection stored = store.findWithSecrets(connectionId)
                        .orElseThrow(() -> new UnknownConnectionException(connectionId));
                shared.open(stored).serverInfo();
                return null;
            } catch (AppConnectionException e) {
                return e;
            }
        }

        void stop(StreamEnd end) {
            if (!stopped.compareAndSet(false, true)) {
                return;
            }
            sessions.remove(connectionId, this);
            close();
            synchronized (delivery) {
                for (Watcher watcher : watchers) {
                    try {
                        watcher.listener.onEnd(end);
                    } catch (RuntimeException e) {
                        LOG.log(Level.WARNING, "A Moonraker listener of App Connection " + connectionId + " failed", e);
                    }
                }
            }
        }

        void close() {
            stopped.set(true);
            cancelDeadline();
            ScheduledFuture<?> pending = pendingReconnect;
            if (pending != null) {
                pending.cancel(false);
            }
            WebSocket ws = socket;
            if (ws != null) {
                close(ws);
            }
        }

        private void close(WebSocket ws) {
            ws.sendClose(NORMAL_CLOSURE, "no listener").exceptionally(e -> {
                ws.abort();
                return ws;
            });
        }
    }

    /** A refused handshake as the module's exception (6xx from the status line), recorded like any call's answer. */
    private AppConnectionException handshakeFailure(Target target, Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        if (cause instanceof WebSocketHandshakeException refused) {
            AppConnectionException e = shared.transport().error(target, refused.getResponse().statusCode());
            outcomes.failed(target.connectionId(), e);
            return e;
        }
        return HttpTransport.unreachable(target, cause);
    }

    public Subscription watch(String connectionId, MoonrakerListener listener) {
        Objects.requireNonNull(listener, "listener");
        if (connectionId == null || store.find(connectionId).isEmpty()) {
            throw new UnknownConnectionException(connectionId);
        }
        Watcher watcher = new Watcher(listener);
        boolean[] first = {false};
        Session session = sessions.compute(connectionId, (id, existing) -> {
            Session s = existing != null && !existing.stopped.get() ? existing : new Session(id);
            first[0] = s != existing;
            s.watchers.add(watcher);
            return s;
        });
        if (first[0]) {
            if (!background.submit(session::connect)) {
                session.stop(StreamEnd.of(StreamEnd.Reason.ENDED_UPSTREAM));
            }
        } else if (session.current != null) {
            background.submit(() -> session.prime(watcher));
        }
        AtomicBoolean closed = new AtomicBoolean();
        return () -> {
            if (closed.compareAndSet(false, true)) {
                session.watchers.remove(watcher);
                if (session.watchers.isEmpty() && sessions.remove(connectionId, session)) {
                    session.close();
                }
            }
        };
    }

    /** Whether a Moonraker socket is open for the connection now; for health and tests. */
    public boolean open(String connectionId) {
        Session session = sessions.get(connectionId);
        return session != null && session.socket != null;
    }

    /** The application stops: every socket closes, without telling listeners that are going away with it. */
    @PreDestroy
    void closeAll() {
        for (String connectionId : List.copyOf(sessions.keySet())) {
            Session session = sessions.remove(connectionId);
            if (session != null) {
                session.close();
            }
        }
    }

    void forget(@Observes ConnectionRemoved removed) {
        Session session = sessions.remove(removed.connectionId());
        if (session != null) {
            session.stop(StreamEnd.of(StreamEnd.Reason.ENDED_UPSTREAM));
        }
    }
}
