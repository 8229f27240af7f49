package dev.printfarm.appconnection.sandbox.connection;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Issued connections, in memory. Thread-safe. What survives a restart is kept elsewhere (see
 * {@code state.StateKeeper}), which learns of every change through {@link #onChange(Runnable)}.
 */
@ApplicationScoped
public class ConnectionRegistry {

    private static final Comparator<AppConnection> OLDEST_FIRST =
            Comparator.comparing(AppConnection::createdAt).thenComparing(AppConnection::id);

    private final Clock clock;
    private final Secrets secrets = new Secrets();
    private final Map<String, AppConnection> byId = new ConcurrentHashMap<>();
    private final Map<String, AppConnection> byAppApiToken = new ConcurrentHashMap<>();
    private final Map<String, Set<AppConnection>> byPrinter = new ConcurrentHashMap<>();
    private final Set<String> revoked = ConcurrentHashMap.newKeySet();
    private volatile Runnable changed = () -> {};

    protected ConnectionRegistry() {
        this.clock = null;
    }

    @Inject
    public ConnectionRegistry(Clock clock) {
        this.clock = clock;
    }

    /** {@code relayBase} is where relay URLs live, e.g. {@code http://localhost:9080/sandbox/relay}. */
    public AppConnection create(String printerId, String appId, String relayBase, boolean withApiKey) {
        String id = secrets.lowerHex(32);
        AppConnection connection = new AppConnection(
                id,
                printerId,
                appId,
                relayBase + "/" + id,
                secrets.alphanumeric(20),
                secrets.alphanumeric(40),
                secrets.alphanumeric(48),
                secrets.alphanumeric(48),
                withApiKey ? Optional.of(secrets.upperHex(32)) : Optional.empty(),
                clock.instant());
        byAppApiToken.put(connection.appApiToken(), connection);
        byPrinter
                .computeIfAbsent(printerId, printer -> ConcurrentHashMap.newKeySet())
                .add(connection);
        byId.put(id, connection);
        changed.run();
        return connection;
    }

    /**
     * Takes back a connection issued before a restart, exactly as it was; false, and nothing taken, when its id or
     * App API token is known already. Meant for the start, before any request; not reported to {@link #onChange}.
     */
    public boolean restore(AppConnection connection, boolean revoked) {
        if (byId.putIfAbsent(connection.id(), connection) != null) {
            return false;
        }
        if (byAppApiToken.putIfAbsent(connection.appApiToken(), connection) != null) {
            byId.remove(connection.id());
            return false;
        }
        byPrinter
                .computeIfAbsent(connection.printerId(), printer -> ConcurrentHashMap.newKeySet())
                .add(connection);
        if (revoked) {
            this.revoked.add(connection.id());
        }
        return true;
    }

    /**
     * {@code listener} runs on the changing thread after every change (create, revoke, un-revoke, clear), once the
     * change can be seen; it must be quick. One listener: the last one given.
     */
    public void onChange(Runnable listener) {
        changed = Objects.requireNonNull(listener, "listener");
    }

    public Optional<AppConnection> find(String connectionId) {
        return Optional.ofNullable(byId.get(connectionId));
    }

    public Optional<AppConnection> findByAppApiToken(String appApiToken) {
        return Optional.ofNullable(byAppApiToken.get(appApiToken));
    }

    /** Oldest first; costs what the printer's own connections cost, however many other printers there are. */
    public List<AppConnection> forPrinter(String printerId) {
        return byPrinter.getOrDefault(printerId, Set.of()).stream()
                .sorted(OLDEST_FIRST)
                .toList();
    }

    public List<AppConnection> all() {
        return byId.values().stream().sorted(OLDEST_FIRST).toList();
    }

    /** A revoked connection stays known (604, not 603) until un-revoked or cleared. */
    public boolean revoke(String connectionId, boolean revoke) {
        if (!byId.containsKey(connectionId)) {
            return false;
        }
        if (revoke ? revoked.add(connectionId) : revoked.remove(connectionId)) {
            changed.run();
        }
        return true;
    }

    public boolean isRevoked(String connectionId) {
        return revoked.contains(connectionId);
    }

    public void clear() {
        byId.clear();
        byAppApiToken.clear();
        byPrinter.clear();
        revoked.clear();
        changed.run();
    }
}
