package dev.printfarm.appconnection.impl.fleet;

import dev.printfarm.appconnection.api.ConnectionState;
import dev.printfarm.appconnection.api.event.ConnectionCreated;
import dev.printfarm.appconnection.api.event.ConnectionRemoved;
import dev.printfarm.appconnection.api.event.PrinterViewChanged;
import dev.printfarm.appconnection.api.fleet.PrintJob;
import dev.printfarm.appconnection.api.fleet.PrinterView;
import dev.printfarm.appconnection.impl.cluster.ClusterWork;
import dev.printfarm.appconnection.impl.cluster.SharedStore;
import dev.printfarm.appconnection.impl.internal.Background;
import dev.printfarm.appconnection.impl.internal.BoundedDrain;
import dev.printfarm.appconnection.impl.live.PushSockets;
import dev.printfarm.appconnection.impl.metrics.ModuleMetrics;
import dev.printfarm.appconnection.impl.platform.Platforms;
import dev.printfarm.appconnection.impl.relay.CallOutcomes;
import dev.printfarm.appconnection.impl.relay.RelaySettings;
import dev.printfarm.appconnection.impl.route.RouteTable;
import dev.printfarm.appconnection.impl.startup.ModuleStarting;
import dev.printfarm.appconnection.impl.store.ConnectionStore;
import dev.printfarm.appconnection.impl.store.OpenedConnections;
import dev.printfarm.appconnection.impl.store.SecretsReplaced;
import dev.printfarm.appconnection.impl.store.SecretsUnreadableException;
import dev.printfarm.appconnection.impl.store.StoredConnection;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps a current view of every connection's printer: each is refreshed once per {@code appconnection.fleet.cycle} at
 * its own phase ({@link FleetSchedule}), with at most {@code appconnection.fleet.concurrency} requests in flight, asked
 * asynchronously in its platform's terms ({@link FleetQueries}, {@link PlatformLookup}). Revoked connections and
 * rejected credentials get no traffic; a printer that does not answer rests for a doubling number of cycles; a
 * connection whose push socket is open is taken from it without a request. Changes fire {@link PrinterViewChanged}.
 *
 * <p>With a store several servers share ({@link ClusterWork}), one server refreshes for the cluster and shares what it
 * learns ({@link FleetSharing}); the other servers take it from the store, so their views and events follow without
 * printer traffic of their own. When the refreshing server dies, another takes over with its lease.
 *
 * <p>Somewhat over 300 lines: the tick, the bounded queue and the views share one table of entries; the schedule,
 * the requests, platform detection, one refresh and the sharing are classes of their own.
 */
@ApplicationScoped
public class FleetMonitor {

    private static final Logger LOG = Logger.getLogger(FleetMonitor.class.getName());
    private static final Duration TICK = Duration.ofSeconds(1);
    private static final Duration RELOAD = Duration.ofSeconds(30);

    @Inject
    FleetSettings settings;

    @Inject
    RelaySettings relay;

    @Inject
    Background background;

    @Inject
    ConnectionStore store;

    @Inject
    OpenedConnections opened;

    @Inject
    RouteTable routes;

    @Inject
    CallOutcomes outcomes;

    @Inject
    PushSockets push;

    @Inject
    ModuleMetrics metrics;

    @Inject
    Event<PrinterViewChanged> changes;

    @Inject
    ClusterWork cluster;

    @Inject
    SharedStore shared;

    @Inject
    Platforms platforms;

    @Inject
    FleetQueries queries;

    private final Clock clock = Clock.systemUTC();
    private final Map<String, FleetEntry> entries = new ConcurrentHashMap<>();
    private volatile BoundedDrain<FleetEntry> refreshes;
    private volatile FleetSchedule schedule;
    private volatile FleetRefresh refresher;
    private volatile PlatformLookup platformLookup;
    private volatile FleetSharing sharing;
    private volatile Instant lastTick;
    private volatile Instant loadedAt = Instant.EPOCH;
    private volatile boolean stopping;
    /** Whether this server refreshed for the cluster at its last tick. */
    private volatile boolean leading;

    void start(@Observes ModuleStarting started) {
        Duration cycle = settings.cycle();
        if (cycle.isZero()) {
            LOG.info("The fleet monitor is off (" + FleetSettings.CYCLE + " is not set)");
            return;
        }
        schedule = new FleetSchedule(cycle, settings.offlineBackoffMax(), TICK);
        PlatformSource source = new PlatformSource(
                platforms,
                background,
                id -> Optional.ofNullable(entries.get(id)).map(e -> e.stored));
        platformLookup = new PlatformLookup(source, clock);
        source.reportTo(platformLookup);
        refresher = new FleetRefresh(
                queries,
                new FleetQueries.Context(
                        background.onFleetThreads(), relay.readTimeout(), queries.answers(settings.answerBytes())),
                schedule,
                platformLookup,
                routes,
                outcomes,
                push,
                clock,
                this::publish);
        sharing = new FleetSharing(shared, cluster, clock);
        int concurrency = settings.concurrency();
        refreshes = BoundedDrain.withSlowLane(
                concurrency, settings.slowRefreshes(), System::nanoTime, this::refreshAndSettle, FleetMonitor::settled);
        metrics.fleetWaiting(this::waiting);
        lastTick = clock.instant();
        background.every("fleet refresh", TICK, TICK, this::tick);
        LOG.info(() -> "Fleet monitor: every connection each " + cycle + ", at most " + concurrency
                + " requests in flight, and up to " + settings.slowRefreshes() + " slow ones beside them");
    }

    /**
     * Refreshes queued behind the concurrency bound: at most one per connection, since a connection already queued or
     * being refreshed is not queued again.
     */
    public int waiting() {
        BoundedDrain<FleetEntry> drain = refreshes;
        return drain == null ? 0 : drain.waiting();
    }

    /** Whether the monitor runs ({@code appconnection.fleet.cycle} is set). */
    public boolean on() {
        return schedule != null;
    }

    /**
     * The job of the connection's latest view when the printer answered within {@code maxAge} (on this server or, in a
     * cluster, on the one refreshing): other work takes it instead of asking the printer again.
     */
    public Optional<PrintJob> recentJob(String connectionId, Duration maxAge) {
        FleetEntry entry = entries.get(connectionId);
        PrinterView s = entry == null ? null : entry.view;
        if (s == null
                || s.state() != ConnectionState.ONLINE
                || s.lastError().isPresent()
                || s.updatedAt().isBefore(clock.instant().minus(maxAge))) {
            return Optional.empty();
        }
        return s.job();
    }

    /** The latest views, by connection id. */
    public List<PrinterView> snapshots() {
        return entries.values().stream()
                .map(e -> e.view)
                .filter(s -> s != null)
                .sorted(Comparator.comparing(PrinterView::connectionId))
                .toList();
    }

    /** When the connection is next due for its refresh, on every server alike; empty when the monitor is off. */
    public Optional<Instant> nextRefresh(String connectionId) {
        FleetSchedule s = schedule;
        return s == null ? Optional.empty() : Optional.of(s.nextRefresh(connectionId, clock.instant()));
    }

    /**
     * Refreshes every connection now, within the same concurrency bound; completes when all have answered or failed,
     * each with a request sent after this call.
     *
     * @throws IllegalStateException when the monitor is off
     */
    public CompletableFuture<Void> refreshAll() {
        if (schedule == null) {
            throw new IllegalStateException("The fleet monitor is off: set " + FleetSettings.CYCLE);
        }
        reload(clock.instant());
        // A refresh already under way may have asked before this call; wait for those, then ask everyone afresh.
        CompletableFuture<?>[] underWay = entries.values().stream()
                .map(e -> e.pending)
                .filter(p -> p != null)
                .toArray(CompletableFuture[]::new);
        return CompletableFuture.allOf(underWay).thenCompose(ignored -> {
            CompletableFuture<?>[] all =
                    entries.values().stream().map(this::enqueue).toArray(CompletableFuture[]::new);
            refreshes.drain();
            return CompletableFuture.allOf(all);
        });
    }

    void tick() {
        Instant now = clock.instant();
        if (Duration.between(loadedAt, now).compareTo(RELOAD) >= 0) {
            reload(now);
        }
        if (!cluster.runsHere(ClusterWork.FLEET)) {
            if (leading) {
                leading = false;
                sharing.stopSharing();
                LOG.info("Another server refreshes the fleet for the cluster; this one follows its views");
            }
            follow();
            lastTick = now;
            return;
        }
        if (!leading) {
            leading = true;
            if (cluster.sharing()) {
                LOG.info("This server refreshes the fleet for the cluster");
            }
        }
        Instant after = lastTick;
        for (FleetEntry entry : entries.values()) {
            if (schedule.due(entry.id, after, now)) {
                enqueue(entry);
            }
        }
        lastTick = now;
        refreshes.drain();
        sharing.flush(now);
    }

    /** On a server that does not refresh: takes the views the refreshing server wrote since the last look. */
    private void follow() {
        for (PrinterView view : sharing.news()) {
            FleetEntry entry = entries.get(view.connectionId());
            if (entry == null) {
                Optional<StoredConnection> stored = load(view.connectionId());
                if (stored.isEmpty()) {
                    continue;
                }
                entry = entries.computeIfAbsent(view.connectionId(), id -> new FleetEntry(id, stored.get()));
            }
            PrinterView mine = entry.view;
            if (mine == null || !view.updatedAt().isBefore(mine.updatedAt())) {
                publish(entry, view, false);
            }
        }
    }

    private void reload(Instant now) {
        List<String> ids = store.ids();
        Set<String> inStore = Set.copyOf(ids);
        for (String gone : List.copyOf(entries.keySet())) {
            if (!inStore.contains(gone)) {
                // Removed on another server: forget it here, and its shared view if this server wrote one.
                forget(gone);
            }
        }
        for (String id : ids) {
            if (!entries.containsKey(id)) {
                load(id).ifPresent(stored -> entries.putIfAbsent(id, new FleetEntry(id, stored)));
            }
        }
        loadedAt = now;
    }

    private Optional<StoredConnection> load(String id) {
        try {
            return opened.find(id);
        } catch (SecretsUnreadableException e) {
            LOG.warning(() -> "The fleet monitor skips App Connection " + id + ": " + e.getMessage());
            return Optional.empty();
        }
    }

    /** Queues the entry unless it is already queued or running; returns the future of its refresh. */
    private synchronized CompletableFuture<Void> enqueue(FleetEntry entry) {
        CompletableFuture<Void> pending = entry.pending;
        if (pending != null && !pending.isDone()) {
            return pending;
        }
        CompletableFuture<Void> future = new CompletableFuture<>();
        entry.pending = future;
        if (!refreshes.offer(entry)) {
            future.complete(null);
        }
        return future;
    }

    /** One entry's refresh for the drain; its future is completed once the drain let go of it ({@link #settled}). */
    private CompletableFuture<Void> refreshAndSettle(FleetEntry entry) {
        long started = System.nanoTime();
        return refresher.refresh(entry).whenComplete((ok, failure) -> {
            PrinterView now = entry.view;
            metrics.fleetRefresh(
                    Duration.ofNanos(System.nanoTime() - started),
                    now == null ? "UNKNOWN" : now.state().name());
            if (failure != null && !stopping) {
                LOG.log(Level.WARNING, "Fleet refresh of App Connection " + entry.id + " failed unexpectedly", failure);
            }
        });
    }

    /**
     * The entry's refresh completed and the drain let go of it: whoever waits for it (a {@link #refreshAll()}) may queue
     * it again at once. Completed any earlier, a refreshAll() waiting for it would queue it while the drain still held
     * it, and skip it.
     */
    private static void settled(FleetEntry entry) {
        CompletableFuture<Void> pending = entry.pending;
        if (pending != null) {
            pending.complete(null);
        }
    }

    private void publish(FleetEntry entry, PrinterView current) {
        publish(entry, current, true);
    }

    /** Takes a new view, fires its change, and queues it for the other servers when it was learned here. */
    private void publish(FleetEntry entry, PrinterView current, boolean learnedHere) {
        Optional<PrinterView> previous = entry.previous();
        entry.view = current;
        boolean changed = SnapshotDiff.changed(previous, current);
        if (learnedHere) {
            sharing.learned(current, changed);
        }
        if (changed) {
            try {
                changes.fire(new PrinterViewChanged(previous, current));
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "An observer of a fleet view failed", e);
            }
        }
    }

    /** Answers still on their way when the application stops cannot be handled in its context any more. */
    @PreDestroy
    void stop() {
        stopping = true;
        if (refreshes != null) {
            refreshes.close();
        }
    }

    void added(@Observes ConnectionCreated created) {
        if (schedule != null) {
            String id = created.connection().id();
            load(id).ifPresent(stored -> entries.putIfAbsent(id, new FleetEntry(id, stored)));
        }
    }

    void secretsReplaced(@Observes SecretsReplaced replaced) {
        FleetEntry entry = entries.get(replaced.connectionId());
        if (entry != null) {
            load(entry.id).ifPresent(stored -> entry.stored = stored);
        }
    }

    void forget(@Observes ConnectionRemoved removed) {
        forget(removed.connectionId());
    }

    private void forget(String id) {
        entries.remove(id);
        if (platformLookup != null) {
            platformLookup.forget(id);
        }
        if (sharing != null) {
            sharing.forget(id);
        }
    }
}
