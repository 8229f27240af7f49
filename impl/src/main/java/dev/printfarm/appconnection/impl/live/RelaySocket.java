package dev.printfarm.appconnection.impl.live;

import dev.printfarm.appconnection.api.error.AppConnectionException;
import dev.printfarm.appconnection.api.error.UnknownConnectionException;
import dev.printfarm.appconnection.api.stream.StreamEnd;
import dev.printfarm.appconnection.impl.internal.Background;
import dev.printfarm.appconnection.impl.relay.Backoff;
import dev.printfarm.appconnection.impl.relay.CallOutcomes;
import dev.printfarm.appconnection.impl.route.HttpTransport;
import dev.printfarm.appconnection.impl.route.RoutedClients;
import dev.printfarm.appconnection.impl.route.Target;
import dev.printfarm.appconnection.impl.store.OpenedConnections;
import dev.printfarm.appconnection.impl.store.StoredConnection;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One connection's websocket to the printer through the relay, with the relay credentials on the handshake (the JDK
 * WebSocket client sends them), open while it has listeners ({@link SocketTable}). What every such socket
 * does alike lives here; what its protocol says lives in a subclass (OctoPrint's push socket, Moonraker's JSON-RPC).
 *
 * <p>A drop ({@code onClose}, {@code onError}, a failed handshake, or the subclass giving up on the socket) is followed
 * by one plain HTTP call that learns the state behind it (the call guard records 603/604/605/606), then either a
 * reconnect after a jittered, growing delay, or the end for a connection that cannot come back (revoked, credentials
 * rejected). Reports about a socket that was already replaced are ignored, and one reconnect is pending at a time.
 *
 * <p>Somewhat over 300 lines because the socket's life (open, drop, learn, reconnect, end) is one state machine whose
 * steps share its state; the protocols are subclasses.
 *
 * @param <L> the listeners' type
 */
public abstract class RelaySocket<L> implements WebSocket.Listener {

    /** What the sockets need of the module, from the bean that owns them. */
    public record Wiring(
            RoutedClients clients, OpenedConnections connections, CallOutcomes outcomes, Background background) {}

    private static final int NORMAL_CLOSURE = 1000;
    /** The longest message a socket may send; a larger one is a broken or hostile peer (OctoPrint's history is ~100 KB). */
    private static final int MAX_MESSAGE_CHARS = 4 * 1024 * 1024;

    protected final String connectionId;
    protected final List<L> listeners = new CopyOnWriteArrayList<>();
    /** Held while listeners are called: one call at a time per connection, and none after the end. */
    protected final Object delivery = new Object();
    /** Captured where the socket was made: the WebSocket's callbacks run on HttpClient threads without context. */
    protected final Executor appContext;

    protected final Wiring wiring;

    private final Logger log;
    private final SocketTable<L, ?> table;
    private final AtomicBoolean stopped = new AtomicBoolean();
    private final StringBuilder partial = new StringBuilder();
    private final Backoff backoff;
    private volatile WebSocket socket;
    private volatile ScheduledFuture<?> pendingReconnect;
    private volatile int failures;
    /** When the open socket last sent anything (System.nanoTime). */
    private volatile long heard;

    protected RelaySocket(String connectionId, Wiring wiring, SocketTable<L, ?> table, Logger log) {
        this.connectionId = connectionId;
        this.wiring = wiring;
        this.table = table;
        this.log = log;
        this.appContext = wiring.background().inCurrentContext();
        this.backoff = new Backoff(
                wiring.clients().pushSettings().reconnectInitial(),
                wiring.clients().pushSettings().reconnectMax());
    }

    /** The socket's path on the printer's host, encoded. */
    protected abstract String path();

    /** Before each handshake, with the connection and its secrets: what the protocol needs first (a login, say). */
    protected void prepare(StoredConnection stored) {}

    /** The handshake succeeded and someone still listens: start the protocol (authenticate, subscribe). */
    protected abstract void opened(WebSocket ws);

    /** A whole text frame from {@code ws}, on the HttpClient's thread: parse it here, deliver on {@link #appContext}. */
    protected abstract void frame(WebSocket ws, String text);

    /** One plain HTTP call through the guard, to learn why the socket went; it throws what it learns. */
    protected abstract void probe(StoredConnection stored);

    /** The socket went (or the session ends): forget what only held while it was open. */
    protected void released() {}

    /** Tells one listener that the stream ended. */
    protected abstract void ended(L listener, StreamEnd end);

    /** A listener joined a socket that was already there. */
    protected void joined(L listener) {}

    /** The socket works: the next drop starts the backoff from the beginning. */
    protected final void healthy() {
        failures = 0;
    }

    protected final boolean stopped() {
        return stopped.get();
    }

    /** The open socket, or null. */
    protected final WebSocket socket() {
        return socket;
    }

    /** Opens the socket; on the background executor. */
    final void connect() {
        // This attempt is the reconnect that was pending: a failure below must be able to schedule the next one.
        pendingReconnect = null;
        if (stopped.get()) {
            return;
        }
        Target target;
        try {
            StoredConnection stored = wiring.connections()
                    .find(connectionId)
                    .orElseThrow(() -> new UnknownConnectionException(connectionId));
            prepare(stored);
            target = wiring.clients().routes().relay(stored.connection(), stored.secrets());
        } catch (AppConnectionException e) {
            dropped(null, Optional.of(e));
            return;
        }
        wiring.clients()
                .transport()
                .webSocket(target, path(), this)
                .whenCompleteAsync(
                        (ws, failure) -> {
                            if (failure != null) {
                                dropped(null, Optional.of(handshakeFailure(target, failure)));
                            } else if (stopped.get()) {
                                close(ws);
                            } else {
                                heard = System.nanoTime();
                                opened(ws);
                                keepAlive(ws);
                            }
                        },
                        appContext);
    }

    /**
     * Pings the socket every keep-alive period and gives it up when nothing at all (no frame, no pong) came for two
     * and a half of them: a connection that died without a close or an error would otherwise deliver nothing, for
     * ever, and tell no one.
     */
    private void keepAlive(WebSocket ws) {
        Duration every = wiring.clients().pushSettings().keepAlive();
        long silentFor = every.toNanos() * 5 / 2;
        wiring.background().schedule(every, () -> {
            if (stopped.get() || socket != ws) {
                return;
            }
            if (System.nanoTime() - heard > silentFor) {
                log.fine(() -> "Socket of App Connection " + connectionId + " silent for " + Duration.ofNanos(silentFor)
                        + "; dropped");
                ws.abort();
                dropped(ws, Optional.empty());
                return;
            }
            ws.sendPing(ByteBuffer.allocate(0));
            keepAlive(ws);
        });
    }

    @Override
    public final CompletionStage<?> onPong(WebSocket ws, ByteBuffer message) {
        heard = System.nanoTime();
        ws.request(1);
        return null;
    }

    @Override
    public final CompletionStage<?> onPing(WebSocket ws, ByteBuffer message) {
        // The JDK answers the ping itself.
        heard = System.nanoTime();
        ws.request(1);
        return null;
    }

    @Override
    public final void onOpen(WebSocket ws) {
        socket = ws;
        partial.setLength(0);
        ws.request(1);
    }

    @Override
    public final CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
        if (ws != socket) {
            // A late frame of a socket already given up: nothing of it may mix with the current one's.
            return null;
        }
        heard = System.nanoTime();
        partial.append(data);
        if (partial.length() > MAX_MESSAGE_CHARS) {
            partial.setLength(0);
            log.warning(() -> "A message on the socket of App Connection " + connectionId + " is over "
                    + MAX_MESSAGE_CHARS + " characters; the socket is dropped");
            ws.abort();
            later(ws);
            return null;
        }
        if (last) {
            String text = partial.toString();
            partial.setLength(0);
            frame(ws, text);
        }
        ws.request(1);
        return null;
    }

    @Override
    public final CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
        if (!stopped.get()) {
            log.fine(() -> "Socket of App Connection " + connectionId + " closed: " + statusCode);
            later(ws);
        }
        return null;
    }

    @Override
    public final void onError(WebSocket ws, Throwable error) {
        if (!stopped.get()) {
            log.fine(() -> "Socket of App Connection " + connectionId + " failed: " + error);
            later(ws);
        }
    }

    /**
     * Handles the drop of {@code ws} on the module's executor: it makes a blocking call, which must not hold the
     * HttpClient's own thread (the callbacks above run there).
     */
    protected final void later(WebSocket ws) {
        later(ws, Optional.empty());
    }

    /** Like {@link #later(WebSocket)}, with the reason already known. */
    protected final void later(WebSocket ws, Optional<AppConnectionException> why) {
        if (!wiring.background().submit(() -> dropped(ws, why))) {
            stop(StreamEnd.of(StreamEnd.Reason.ENDED_UPSTREAM));
        }
    }

    /**
     * The socket {@code which} is gone ({@code null}: none could be opened). Learn why with one plain call unless
     * {@code why} already says, and end for good when that cannot pass; else reconnect after a delay.
     */
    protected final synchronized void dropped(WebSocket which, Optional<AppConnectionException> why) {
        ScheduledFuture<?> pending = pendingReconnect;
        if (stopped.get() || (which != null && which != socket) || (pending != null && !pending.isDone())) {
            return;
        }
        socket = null;
        released();
        AppConnectionException cause = why.orElseGet(this::diagnose);
        if (cause != null && !cause.isTemporary()) {
            stop(StreamEnd.failed(cause));
            return;
        }
        failures++;
        Duration wait =
                backoff.delay(failures, bound -> ThreadLocalRandom.current().nextLong(bound + 1));
        pendingReconnect = wiring.background().schedule(wait, this::connect).orElse(null);
        if (pendingReconnect == null) {
            stop(StreamEnd.of(StreamEnd.Reason.ENDED_UPSTREAM));
        }
    }

    private AppConnectionException diagnose() {
        try {
            probe(wiring.connections()
                    .find(connectionId)
                    .orElseThrow(() -> new UnknownConnectionException(connectionId)));
            return null;
        } catch (AppConnectionException e) {
            return e;
        }
    }

    /** A refused handshake as the module's exception (6xx from the status line), recorded like any call's answer. */
    private AppConnectionException handshakeFailure(Target target, Throwable failure) {
        Throwable cause =
                failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        if (cause instanceof WebSocketHandshakeException refused) {
            AppConnectionException e = wiring.clients().transport().error(target, refused.getResponse());
            wiring.outcomes().failed(target.connectionId(), e);
            return e;
        }
        return HttpTransport.unreachable(target, cause);
    }

    /** Ends the stream: the socket closes and every listener hears {@code end}, once. */
    final void stop(StreamEnd end) {
        if (!stopped.compareAndSet(false, true)) {
            return;
        }
        table.removed(this);
        close();
        synchronized (delivery) {
            for (L listener : listeners) {
                try {
                    ended(listener, end);
                } catch (RuntimeException e) {
                    log.log(Level.WARNING, "A listener of App Connection " + connectionId + " failed", e);
                }
            }
        }
    }

    /** Closes the socket without telling the listeners (the last one left, or the application stops). */
    final void close() {
        stopped.set(true);
        ScheduledFuture<?> pending = pendingReconnect;
        if (pending != null) {
            pending.cancel(false);
        }
        released();
        WebSocket ws = socket;
        if (ws != null) {
            close(ws);
        }
    }

    private static void close(WebSocket ws) {
        ws.sendClose(NORMAL_CLOSURE, "no listener").exceptionally(e -> {
            ws.abort();
            return ws;
        });
    }
}
