package dev.printfarm.appconnection.impl.live;

import dev.printfarm.appconnection.api.Subscription;
import dev.printfarm.appconnection.api.event.ConnectionRemoved;
import dev.printfarm.appconnection.api.event.PrinterPush;
import dev.printfarm.appconnection.api.octoprint.OctoPrintLogin;
import dev.printfarm.appconnection.api.stream.PushListener;
import dev.printfarm.appconnection.api.stream.PushMessage;
import dev.printfarm.appconnection.api.stream.StreamEnd;
import dev.printfarm.appconnection.impl.internal.Background;
import dev.printfarm.appconnection.impl.json.WireJson;
import dev.printfarm.appconnection.impl.octoprint.OctoPrintClients;
import dev.printfarm.appconnection.impl.relay.CallOutcomes;
import dev.printfarm.appconnection.impl.store.ConnectionStore;
import dev.printfarm.appconnection.impl.store.OpenedConnections;
import dev.printfarm.appconnection.impl.store.StoredConnection;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.net.http.WebSocket;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * OctoPrint's push socket per watched connection ({@code /sockjs/websocket}), authenticated with a passive login; a
 * {@link RelaySocket}, so open while someone listens and reconnected after a drop that is not the connection's end.
 */
@ApplicationScoped
public class PushSockets {

    private static final Logger LOG = Logger.getLogger(PushSockets.class.getName());
    private static final String PATH = "/sockjs/websocket";

    @Inject
    OctoPrintClients shared;

    @Inject
    ConnectionStore store;

    @Inject
    OpenedConnections opened;

    @Inject
    CallOutcomes outcomes;

    @Inject
    Background background;

    @Inject
    Event<PrinterPush> events;

    private final Clock clock = Clock.systemUTC();
    private SocketTable<PushListener, Session> table;

    @PostConstruct
    void init() {
        RelaySocket.Wiring wiring = new RelaySocket.Wiring(shared, opened, outcomes, background);
        table = new SocketTable<>(id -> new Session(id, wiring), store, background);
    }

    /** One connection's push socket: a passive login before each handshake, its session sent first on the socket. */
    private final class Session extends RelaySocket<PushListener> {
        final int throttle = shared.pushSettings().throttle();
        volatile Optional<String> login = Optional.empty();
        volatile PushMessage.State latest;

        Session(String connectionId, Wiring wiring) {
            super(connectionId, wiring, table, LOG);
        }

        @Override
        protected String path() {
            return PATH;
        }

        @Override
        protected void prepare(StoredConnection stored) {
            OctoPrintLogin passive = shared.open(stored).passiveLogin();
            login = passive.session().map(s -> passive.name() + ":" + s);
        }

        @Override
        protected void opened(WebSocket ws) {
            Optional<String> session = login;
            CompletableFuture<WebSocket> sent = session.isPresent()
                    ? ws.sendText(WireJson.write(new Auth(session.get())), true)
                    : CompletableFuture.completedFuture(ws);
            if (throttle > 1) {
                sent = sent.thenCompose(w -> w.sendText("{\"throttle\": " + throttle + "}", true));
            }
            sent.exceptionally(e -> {
                ws.abort();
                return ws;
            });
        }

        @Override
        protected void frame(WebSocket ws, String text) {
            healthy();
            List<PushMessage> messages = PushJson.parse(text, clock.instant());
            appContext.execute(() -> {
                for (PushMessage message : messages) {
                    if (message instanceof PushMessage.State state) {
                        latest = state;
                    }
                    deliver(this, message);
                }
            });
        }

        @Override
        protected void probe(StoredConnection stored) {
            shared.open(stored).version();
        }

        @Override
        protected void ended(PushListener listener, StreamEnd end) {
            listener.onEnd(end);
        }
    }

    public Subscription watch(String connectionId, PushListener listener) {
        return table.watch(connectionId, listener);
    }

    /**
     * The job as the connection's open push socket reported it within {@code maxAge}; empty without an open socket or
     * a recent frame. Lets background work skip a relayed read when the printer tells on its own.
     */
    public Optional<dev.printfarm.appconnection.api.fleet.PrintJob> recentJob(String connectionId, Duration maxAge) {
        Session session = table.get(connectionId).orElse(null);
        PushMessage.State state = session == null || session.socket() == null ? null : session.latest;
        if (state == null || state.receivedAt().isBefore(clock.instant().minus(maxAge))) {
            return Optional.empty();
        }
        return Optional.of(state.job());
    }

    /** The latest state frame of the connection's open push socket, when it came within {@code maxAge}. */
    public Optional<PushMessage.State> recentState(String connectionId, Duration maxAge) {
        Session session = table.get(connectionId).orElse(null);
        PushMessage.State state = session == null || session.socket() == null ? null : session.latest;
        return state == null || state.receivedAt().isBefore(clock.instant().minus(maxAge))
                ? Optional.empty()
                : Optional.of(state);
    }

    /** Whether a push socket is open for the connection now; for health and tests. */
    public boolean open(String connectionId) {
        return table.open(connectionId);
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

    /** The application stops: every socket closes, without telling listeners that are going away with it. */
    @PreDestroy
    void closeAll() {
        table.closeAll();
    }

    void forget(@Observes ConnectionRemoved removed) {
        table.forget(removed.connectionId());
    }

    /** The push socket's authentication frame, {@code {"auth": "user:session"}}; never printed. */
    public record Auth(String auth) {
        @Override
        public String toString() {
            return "Auth[***]";
        }
    }
}
