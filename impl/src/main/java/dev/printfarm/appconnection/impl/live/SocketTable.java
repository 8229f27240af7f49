package dev.printfarm.appconnection.impl.live;

import dev.printfarm.appconnection.api.Subscription;
import dev.printfarm.appconnection.api.error.UnknownConnectionException;
import dev.printfarm.appconnection.api.stream.StreamEnd;
import dev.printfarm.appconnection.impl.internal.Background;
import dev.printfarm.appconnection.impl.store.ConnectionStore;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

/**
 * The open {@link RelaySocket}s of one kind, one per connection: the first listener opens it, the last one to leave
 * closes it, a removed connection ends it.
 *
 * @param <L> the listeners' type
 * @param <S> the sockets' type
 */
public final class SocketTable<L, S extends RelaySocket<L>> {

    private final Map<String, S> sockets = new ConcurrentHashMap<>();
    private final Function<String, S> factory;
    private final ConnectionStore store;
    private final Background background;

    /** {@code factory} makes a connection's socket when its first listener comes; it must be given this table. */
    public SocketTable(Function<String, S> factory, ConnectionStore store, Background background) {
        this.factory = factory;
        this.store = store;
        this.background = background;
    }

    /** Adds {@code listener} to the connection's socket, opening it first when there is none. */
    public Subscription watch(String connectionId, L listener) {
        Objects.requireNonNull(listener, "listener");
        if (connectionId == null || store.find(connectionId).isEmpty()) {
            throw new UnknownConnectionException(connectionId);
        }
        boolean[] first = {false};
        S socket = sockets.compute(connectionId, (id, existing) -> {
            S s = existing != null && !existing.stopped() ? existing : factory.apply(id);
            first[0] = s != existing;
            s.listeners.add(listener);
            return s;
        });
        if (first[0]) {
            if (!background.submit(socket::connect)) {
                socket.stop(StreamEnd.of(StreamEnd.Reason.ENDED_UPSTREAM));
            }
        } else {
            socket.joined(listener);
        }
        AtomicBoolean closed = new AtomicBoolean();
        return () -> {
            if (closed.compareAndSet(false, true)) {
                // In one step with watch()'s compute: a listener joining now either keeps this socket or gets a new
                // one.
                boolean[] last = {false};
                sockets.computeIfPresent(connectionId, (id, s) -> {
                    if (s != socket) {
                        return s;
                    }
                    s.listeners.remove(listener);
                    last[0] = s.listeners.isEmpty();
                    return last[0] ? null : s;
                });
                socket.listeners.remove(listener);
                if (last[0]) {
                    socket.close();
                }
            }
        };
    }

    public Optional<S> get(String connectionId) {
        return Optional.ofNullable(sockets.get(connectionId));
    }

    /** Whether the connection's socket is open now. */
    public boolean open(String connectionId) {
        S socket = sockets.get(connectionId);
        return socket != null && socket.socket() != null;
    }

    /** The connection is gone: its socket ends, and its listeners hear so. */
    public void forget(String connectionId) {
        S socket = sockets.remove(connectionId);
        if (socket != null) {
            socket.stop(StreamEnd.of(StreamEnd.Reason.ENDED_UPSTREAM));
        }
    }

    /** The application stops: every socket closes, without telling listeners that are going away with it. */
    public void closeAll() {
        for (String connectionId : List.copyOf(sockets.keySet())) {
            S socket = sockets.remove(connectionId);
            if (socket != null) {
                socket.close();
            }
        }
    }

    void removed(RelaySocket<L> socket) {
        sockets.remove(socket.connectionId, socket);
    }
}
