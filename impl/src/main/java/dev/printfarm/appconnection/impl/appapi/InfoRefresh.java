package dev.printfarm.appconnection.impl.appapi;

import dev.printfarm.appconnection.api.ConnectionState;
import dev.printfarm.appconnection.api.appapi.PrinterInfo;
import dev.printfarm.appconnection.api.error.AppConnectionException;
import dev.printfarm.appconnection.api.event.ConnectionCreated;
import dev.printfarm.appconnection.api.event.ConnectionRemoved;
import dev.printfarm.appconnection.impl.cluster.Leases;
import dev.printfarm.appconnection.impl.internal.Background;
import dev.printfarm.appconnection.impl.internal.BoundedDrain;
import dev.printfarm.appconnection.impl.route.RouteTable;
import dev.printfarm.appconnection.impl.startup.ModuleStarting;
import dev.printfarm.appconnection.impl.store.ConnectionStore;
import dev.printfarm.appconnection.impl.store.OpenedConnections;
import dev.printfarm.appconnection.impl.store.SecretsUnreadableException;
import dev.printfarm.appconnection.impl.store.StoredConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps every connection's Info current without waiting for a call to fail: each connection is asked once per
 * {@code appconnection.info.refresh-interval}, at its own {@link RefreshPhases phase}, with at most
 * {@code appconnection.info.refresh-concurrency} calls in flight. An answer moves the state (online, printer offline,
 * suspended 605, revoked 603/604), the LAN address (routing) and the limits (transfer checks). Revoked connections and
 * connections with rejected credentials are not asked again. In a cluster one server refreshes at a time
 * ({@link Leases}).
 */
@ApplicationScoped
public class InfoRefresh {

    private static final Logger LOG = Logger.getLogger(InfoRefresh.class.getName());
    private static final Duration TICK = Duration.ofSeconds(1);
    /** How stale the list of connections may get: others may add connections to a shared store. */
    private static final Duration RELOAD_IDS = Duration.ofSeconds(30);
    /** The refresh runs on one server of a cluster at a time. */
    static final String LEASE = "info-refresh";

    @Inject
    InfoSettings settings;

    @Inject
    Background background;

    @Inject
    ConnectionStore store;

    @Inject
    OpenedConnections opened;

    @Inject
    AppApiClient appApi;

    @Inject
    RouteTable routes;

    @Inject
    Leases leases;

    private final Clock clock = Clock.systemUTC();
    private final List<String> ids = new CopyOnWriteArrayList<>();
    private volatile RefreshPhases phases;
    private volatile BoundedDrain<String> refreshes;
    private volatile Instant lastTick;
    private volatile Instant idsLoadedAt = Instant.EPOCH;

    void start(@Observes ModuleStarting started) {
        Duration interval = settings.refreshInterval();
        if (interval.isZero()) {
            LOG.info("The background Info refresh is off (" + InfoSettings.REFRESH_INTERVAL + " is zero)");
            return;
        }
        phases = new RefreshPhases(interval);
        refreshes = new BoundedDrain<>(settings.refreshConcurrency(), this::refreshInBackground);
        lastTick = clock.instant();
        background.every("Info refresh", TICK, TICK.compareTo(interval) < 0 ? TICK : interval, this::tick);
    }

    void tick() {
        Instant now = clock.instant();
        if (!leases.holds(LEASE)) {
            // Another server of the cluster refreshes; on taking over, this one goes on from here.
            lastTick = now;
            return;
        }
        if (Duration.between(idsLoadedAt, now).compareTo(RELOAD_IDS) >= 0) {
            List<String> current = store.ids();
            ids.clear();
            ids.addAll(current);
            idsLoadedAt = now;
        }
        Instant after = lastTick;
        for (String id : ids) {
            if (phases.due(id, after, now)) {
                refreshes.offer(id);
            }
        }
        lastTick = now;
        refreshes.drain();
    }

    private CompletableFuture<Void> refreshInBackground(String id) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        boolean started = background.submit(() -> {
            try {
                refresh(id);
            } finally {
                done.complete(null);
            }
        });
        if (!started) {
            done.complete(null);
        }
        return done;
    }

    /** One refresh; returns the answer when there was one. Public for the service's explicit call path. */
    public Optional<PrinterInfo> refresh(String id) {
        Optional<StoredConnection> stored;
        try {
            stored = opened.find(id);
        } catch (SecretsUnreadableException e) {
            LOG.warning(() -> "Info refresh skips App Connection " + id + ": " + e.getMessage());
            return Optional.empty();
        }
        if (stored.isEmpty()) {
            ids.remove(id);
            return Optional.empty();
        }
        ConnectionState state = stored.get().connection().state();
        if (state == ConnectionState.REVOKED || state == ConnectionState.INVALID_CREDENTIALS) {
            return Optional.empty();
        }
        try {
            PrinterInfo info =
                    appApi.info(stored.get().connection(), stored.get().secrets());
            learned(id, info);
            return Optional.of(info);
        } catch (AppConnectionException e) {
            // The state change (605, 603/604, ...) is recorded by the call guard.
            LOG.log(Level.FINE, "Info refresh of App Connection {0}: {1}", new Object[] {id, e.getMessage()});
            return Optional.empty();
        }
    }

    /** Takes the name and LAN address from an Info answer; a new address starts the LAN route over. */
    public void learned(String id, PrinterInfo info) {
        if (store.updateFromInfo(id, info.printerName(), info.localIp())) {
            LOG.info(() -> "App Connection " + id + " has a new LAN address");
            routes.forget(id);
        }
    }

    void added(@Observes ConnectionCreated created) {
        String id = created.connection().id();
        if (!ids.contains(id)) {
            ids.add(id);
        }
    }

    void forget(@Observes ConnectionRemoved removed) {
        ids.remove(removed.connectionId());
    }
}
