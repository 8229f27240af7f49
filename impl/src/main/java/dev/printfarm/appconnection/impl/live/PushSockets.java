package dev.printfarm.appconnection.impl.live;

import dev.printfarm.appconnection.api.AppConnectionException;
import dev.printfarm.appconnection.api.ConnectionRemoved;
import dev.printfarm.appconnection.api.OctoPrintLogin;
import dev.printfarm.appconnection.api.PrinterPush;
import dev.printfarm.appconnection.api.PushListener;
import dev.printfarm.appconnection.api.PushMessage;
import dev.printfarm.appconnection.api.StreamEnd;
import dev.printfarm.appconnection.api.Subscription;
import dev.printfarm.appconnection.api.UnknownConnectionException;
import dev.printfarm.appconnection.impl.internal.Background;
import dev.printfarm.appconnection.impl.octoprint.OctoPrintClients;
import dev.printfarm.appconnection.impl.relay.Backoff;
import dev.printfarm.appconnection.impl.relay.CallOutcomes;
import dev.printfarm.appconnection.impl.route.Target;
import dev.printfarm.appconnection.impl.store.ConnectionStore;
import dev.printfarm.appconnection.impl.store.StoredConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.json.Json;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * OctoPrint's push socket per watched connection, through the relay with the relay credentials on the handshake (the
 * JDK WebSocket client sends them; stack-notes), authenticated with a passive login. Open while someone listens. A
 * drop is followed by one plain HTTP call that learns the state behind it (the call guard records 603/604/606), then
 * either a reconnect after a jittered, growing delay or, for a connection that is gone, the end.
 */
@ApplicationScoped
public class PushSockets {

    private static final Logger LOG = Logger.getLogger(PushSockets.class.getName());
    private static final String PATH = "/sockjs/websocket";
    private static final int NORMAL_CLOSURE = 1000;

    @Inject
    OctoPrintClients shared;

    @Inject
    ConnectionStore store;

    @Inject
    CallOutcomes outcomes;

    @Inject
    Background background;

    @Inject
    Event<PrinterPush> events;

    private final Clock clock = Clock.systemUTC();
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();

    /** One connection's socket, its listeners and its reconnect state. */
    private final class Session implements WebSocket.Listener {
        final String connectionId;
        final List<PushListener> listeners = new CopyOnWriteArrayList<>();
        final AtomicBoolean stopped = new AtomicBoolean();
        final StringBuilder partial = new StringBuilder();
        volatile WebSocket socket;
        volatile ScheduledFuture<?> pendingReconnect;
        volatile PushMessage.State latest;
        int failures;
        /** Captured where the session was made: the WebSocket's callbacks run on HttpClient threads without context. */
        final java.util.concurrent.Executor appContext = background.inCurrentContext();
        final Backoff backoff = new Backoff(shared.config().pushReconnectInitial(), shared.config().pushReconnectMax());
        final int throttle = shared.config().pushThrottle();

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
            Optional<String> session;
            try {
                stored = store.findWithSecrets(connectionId).orElseThrow(() -> new UnknownConnectionException(connectionId));
                OctoPrintLogin login = shared.open(stored).passiveLogin();
                session = login.session().map(s -> login.name() + ":" + s);
            } catch (AppConnectionException e) {
                dropped(Optional.of(e));
                return;
            }
            Target target = shared.routes().relay(stored.connection(), stored.secrets());
            shared.transport().webSocket(target, PATH, this).whenCompleteAsync((ws, failure) -> {
                if (failure != null) {
                    dropped(Optional.of(handshakeFailure(target, failure)));
                    return;
                }
                socket = ws;
                if (stopped.get()) {
                    ws.sendClose(NORMAL_CLOSURE, "no listener");
                    return;
                }
                var hello = Json.createObjectBuilder();
                session.ifPresent(s -> hello.add("auth", s));
                CompletableFuture<WebSocket> sent = session.isPresent()
                        ? ws.sendText(hello.build().toString(), true) : CompletableFuture.completedFuture(ws);
                if (throttle > 1) {
                    sent = sent.thenCompose(w -> w.sendText("{\"throttle\": " + throttle + "}", true));
                }
                sent.exceptionally(e -> {
                    ws.abort();
                    return ws;
                });
            }, appContext);
        }

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String frame = partial.toString();
                partial.setLength(0);
                failures = 0;
                List<PushMessage> messages = PushJson.parse(frame, clock.instant());
                appContext.execute(() -> {
                    for (PushMessage message : messages) {
                        if (message instanceof PushMessage.State state) {
                            latest = state;
                        }
                        deliver(this, message);
                    }
                });
            }
            ws.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
            if (!stopped.get()) {
                LOG.fine(() -> "Push socket of App Connection " + connectionId + " closed: " + statusCode);
                appContext.execute(() -> dropped(Optional.empty()));
            }
            return null;
        }

        @Override
        public void onError(WebSocket ws, Throwable error) {
            if (!stopped.get()) {
                LOG.fine(() -> "Push socket of App Connection " + connectionId + " failed: " + error);
                appContext.execute(() -> dropped(Optional.empty()));
            }
        }

        /**
         * The socket is gone or could not open. Learn why with one plain call, unless the failure already says; stop
         * for good when the connection is revoked or its credentials rejected, else reconnect after a delay.
         */
        void dropped(Optional<AppConnectionException> why) {
            ScheduledFuture<?> pending = pendingReconnect;
            if (stopped.get() || (pending != null && !pending.isDone())) {
                return;
            }
            socket = null;
            AppConnectionException cause = why.orElseGet(this::diagnose);
            if (cause != null && !cause.isTemporary()) {
                stop(StreamEnd.failed(cause));
                return;
            }
            failures++;
            Duration wait = backoff.delay(failures, bound -> ThreadLocalRandom.current().nextLong(bound + 1));
            pendingReconnect = background.schedule(wait, this::connect).orElse(null);
        }

        /** One plain HTTP call through the guard; it records what it learns (603/604/605/606) in the state. */
        private AppConnectionException diagnose() {
            try {
                StoredConnection stored = store.findWithSecrets(connectionId)
                        .orElseThrow(() -> new UnknownConnectionException(connectionId));
                shared.open(stored).version();
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
            for (PushListener listener : listeners) {
                try {
                    listener.onEnd(end);
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "A push listener of App Connection " + connectionId + " failed", e);
                }
            }
        }

        void close() {
            stopped.set(true);
            ScheduledFuture<?> pending = pendingReconnect;
            if (pending != null) {
                pending.cancel(false);
            }
            WebSocket ws = socket;
            if (ws != null) {
                ws.sendClose(NORMAL_CLOSURE, "no listener").exceptionally(e -> {
                    ws.abort();
                    return ws;
                });
            }
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
        return dev.printfarm.appconnection.impl.route.HttpTransport.unreachable(target, cause);
    }

    public Subscription watch(String connectionId, PushListener listener) {
        Objects.requireNonNull(listener, "listener");
        if (connectionId == null || store.find(connectionId).isEmpty()) {
            throw new UnknownConnectionException(connectionId);
        }
        boolean[] first = {false};
        Session session = sessions.compute(connectionId, (id, existing) -> {
            Session s = existing != null && !existing.stopped.get() ? existing : new Session(id);
            first[0] = s != existing;
            s.listeners.add(listener);
            return s;
        });
        if (first[0] && !background.submit(session::connect)) {
            session.stop(StreamEnd.of(StreamEnd.Reason.ENDED_UPSTREAM));
        }
        AtomicBoolean closed = new AtomicBoolean();
        return () -> {
            if (closed.compareAndSet(false, true)) {
                session.listeners.remove(listener);
                if (session.listeners.isEmpty() && sessions.remove(connectionId, session)) {
                    session.close();
                }
            }
        };
    }

    /**
     * The job as the connection's open push socket reported it within {@code maxAge}; empty without an open socket or
     * a recent frame. Lets background work skip a relayed read when the printer tells on its own.
     */
    public Optional<dev.printfarm.appconnection.api.JobStatus> recentJob(String connectionId, Duration maxAge) {
        Session session = sessions.get(connectionId);
        PushMessage.State state = session == null || session.socket == null ? null : session.latest;
        if (state == null || state.receivedAt().isBefore(clock.instant().minus(maxAge))) {
            return Optional.empty();
        }
        return Optional.of(state.job());
    }

    /** The latest state frame of the connection's open push socket, when it came within {@code maxAge}. */
    public Optional<PushMessage.State> recentState(String connectionId, Duration maxAge) {
        Session session = sessions.get(connectionId);
        PushMessage.State state = session == null || session.socket == null ? null : session.latest;
        return state == null || state.receivedAt().isBefore(clock.instant().minus(maxAge)) ? Optional.empty()
                : Optional.of(state);
    }

    /** Whether a push socket is open for the connection now; for health and tests. */
    public boolean open(String connectionId) {
        Session session = sessions.get(connectionId);
        return session != null && session.socket != null;
    }

    private void deliver(Session session, PushMessage message) {
        try {
            events.fire(new PrinterPush(session.connectionId, message));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "An observer of a push message failed", e);
        }
        for (PushListener listener : session.listeners) {
            try {
                listener.onMessage(message);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "A push listener of App Connection " + session.connectionId + " failed", e);
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
