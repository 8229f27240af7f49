package dev.printfarm.appconnection.impl.store;

import dev.printfarm.appconnection.impl.cluster.ClusterWork;
import dev.printfarm.appconnection.impl.cluster.SharedFeed;
import dev.printfarm.appconnection.impl.cluster.SharedItems;
import dev.printfarm.appconnection.impl.cluster.SharedStore;
import dev.printfarm.appconnection.impl.internal.Background;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Connections as calls need them, opened once: the row read and the secrets decrypted on first use, then kept in
 * memory, so that opening a printer's client costs a map lookup. Bounded ({@value #MAX_OPEN} connections, each dropped
 * after {@link #IDLE} unused); a connection is dropped at once when its row changes here (revoke, delete, key rotation,
 * a new API key: {@link ConnectionChanged}), and within about a second when another server or application sharing the
 * store changes it: each change is also written as a shared item that every one of them reads.
 */
@ApplicationScoped
public class OpenedConnections {

    static final int MAX_OPEN = 20_000;
    static final Duration IDLE = Duration.ofMinutes(10);
    private static final String CHANGES = "connection-changed";
    private static final Duration CHANGES_KEPT = Duration.ofMinutes(2);
    private static final Duration LOOK = Duration.ofSeconds(1);
    /** Another server's clock may be behind this one's: its changes are looked for this much further back. */
    private static final Duration SKEW = Duration.ofSeconds(10);

    private static final Logger LOG = Logger.getLogger(OpenedConnections.class.getName());

    @Inject
    ConnectionStore store;

    @Inject
    Background background;

    @Inject
    ClusterWork cluster;

    @Inject
    SharedStore shared;

    private final Clock clock = Clock.systemUTC();
    private final Map<String, Opened> opened = new ConcurrentHashMap<>();
    /** Counts every change seen, so that a read made while one happened is not kept. */
    private final AtomicLong changes = new AtomicLong();

    private volatile SharedFeed feed;

    /** One opened connection and when a call last used it. */
    private static final class Opened {
        final StoredConnection stored;
        volatile long lastUsed;

        Opened(StoredConnection stored, long now) {
            this.stored = stored;
            this.lastUsed = now;
        }
    }

    @PostConstruct
    void start() {
        feed = new SharedFeed(shared, CHANGES, SKEW);
        background.every("opened connections", IDLE, IDLE.dividedBy(2), this::dropIdle);
        background.every("connection changes of other servers", LOOK, LOOK, this::lookAtOtherServers);
    }

    /** The connection with its opened secrets; empty when there is no such connection. */
    public Optional<StoredConnection> find(String id) {
        if (id == null) {
            return Optional.empty();
        }
        long now = System.nanoTime();
        Opened known = opened.get(id);
        if (known != null) {
            known.lastUsed = now;
            return Optional.of(known.stored);
        }
        long seen = changes.get();
        Optional<StoredConnection> read = store.findWithSecrets(id);
        if (read.isPresent() && changes.get() == seen) {
            if (opened.size() >= MAX_OPEN) {
                dropLeastRecentlyUsed();
            }
            opened.put(id, new Opened(read.get(), now));
        }
        return read;
    }

    /** How many connections are open in memory now. */
    public int size() {
        return opened.size();
    }

    /** Forgets a connection whose row changed here, and tells the other servers sharing the store. */
    void changed(@Observes(during = TransactionPhase.AFTER_COMPLETION) ConnectionChanged change) {
        forget(change.connectionId());
        if (cluster.ready()) {
            try {
                feed.queue(change.connectionId(), "");
                feed.flush(clock.instant(), cluster.me());
            } catch (RuntimeException e) {
                LOG.log(
                        Level.WARNING,
                        "Could not tell the other servers that App Connection " + change.connectionId()
                                + " changed; they see it within " + IDLE + " at the latest: "
                                + e.getClass().getName());
            }
        }
    }

    void forget(String connectionId) {
        changes.incrementAndGet();
        opened.remove(connectionId);
    }

    private void lookAtOtherServers() {
        if (!cluster.ready()) {
            return;
        }
        Instant now = clock.instant();
        for (SharedItems.Item item : feed.news(cluster.me())) {
            forget(item.item());
        }
        if (cluster.runsHere(CHANGES)) {
            shared.deleteWrittenBefore(CHANGES, now.minus(CHANGES_KEPT));
        }
    }

    private void dropIdle() {
        long oldest = System.nanoTime() - IDLE.toNanos();
        opened.values().removeIf(o -> o.lastUsed < oldest);
    }

    /** Makes room: drops the tenth of the open connections used least recently. */
    private void dropLeastRecentlyUsed() {
        long[] times =
                opened.values().stream().mapToLong(o -> o.lastUsed).sorted().toArray();
        if (times.length == 0) {
            return;
        }
        long cut = times[Math.min(times.length - 1, times.length / 10)];
        opened.values().removeIf(o -> o.lastUsed <= cut);
    }
}
