package dev.printfarm.appconnection.impl.fleet;

import dev.printfarm.appconnection.api.AppConnection;
import dev.printfarm.appconnection.api.ConnectionRoute;
import dev.printfarm.appconnection.api.ConnectionState;
import dev.printfarm.appconnection.api.PrinterPlatform;
import dev.printfarm.appconnection.api.error.AppConnectionException;
import dev.printfarm.appconnection.api.error.CommandRefusedException;
import dev.printfarm.appconnection.api.error.ConnectionSuspendedException;
import dev.printfarm.appconnection.api.error.FeatureUnsupportedException;
import dev.printfarm.appconnection.api.error.PrinterOfflineException;
import dev.printfarm.appconnection.api.error.PrinterUnreachableException;
import dev.printfarm.appconnection.api.error.RelayTimeoutException;
import dev.printfarm.appconnection.api.event.ConnectionCreated;
import dev.printfarm.appconnection.api.event.ConnectionRemoved;
import dev.printfarm.appconnection.api.event.PrinterViewChanged;
import dev.printfarm.appconnection.api.fleet.PrintJob;
import dev.printfarm.appconnection.api.fleet.PrinterView;
import dev.printfarm.appconnection.api.fleet.Temperature;
import dev.printfarm.appconnection.api.octoprint.OctoPrintPrinterState;
import dev.printfarm.appconnection.api.stream.PushMessage;
import dev.printfarm.appconnection.impl.appapi.RefreshPhases;
import dev.printfarm.appconnection.impl.cluster.ClusterWork;
import dev.printfarm.appconnection.impl.cluster.SharedStore;
import dev.printfarm.appconnection.impl.commandapi.CommandAnswer;
import dev.printfarm.appconnection.impl.commandapi.CommandApiMapper;
import dev.printfarm.appconnection.impl.commandapi.CommandStatusAnswer;
import dev.printfarm.appconnection.impl.internal.Background;
import dev.printfarm.appconnection.impl.internal.BoundedDrain;
import dev.printfarm.appconnection.impl.internal.ModuleConfig;
import dev.printfarm.appconnection.impl.json.JsonAnswers;
import dev.printfarm.appconnection.impl.json.WireJson;
import dev.printfarm.appconnection.impl.live.PushSockets;
import dev.printfarm.appconnection.impl.metrics.ModuleMetrics;
import dev.printfarm.appconnection.impl.moonraker.MoonrakerMapper;
import dev.printfarm.appconnection.impl.moonraker.MoonrakerQueryAnswer;
import dev.printfarm.appconnection.impl.moonraker.MoonrakerResult;
import dev.printfarm.appconnection.impl.octoprint.OctoPrintJobAnswer;
import dev.printfarm.appconnection.impl.octoprint.OctoPrintMapper;
import dev.printfarm.appconnection.impl.octoprint.OctoPrintPrinterAnswer;
import dev.printfarm.appconnection.impl.platform.Platforms;
import dev.printfarm.appconnection.impl.relay.CallOutcomes;
import dev.printfarm.appconnection.impl.route.HttpTransport;
import dev.printfarm.appconnection.impl.route.RouteTable;
import dev.printfarm.appconnection.impl.route.Target;
import dev.printfarm.appconnection.impl.store.ConnectionStore;
import dev.printfarm.appconnection.impl.store.OpenedConnections;
import dev.printfarm.appconnection.impl.store.SecretsReplaced;
import dev.printfarm.appconnection.impl.store.SecretsUnreadableException;
import dev.printfarm.appconnection.impl.store.StoredConnection;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.net.http.HttpRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ForkJoinPool;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps a current snapshot of every connection: each is refreshed once per {@code appconnection.fleet.cycle}, at its
 * own phase within the cycle, with at most {@code appconnection.fleet.concurrency} requests in flight. Requests are
 * sent asynchronously on the shared JDK {@code HttpClient} and the next one starts from the completion of the
 * previous, so no thread waits for a printer. Revoked connections and rejected credentials get no traffic; a printer
 * that does not answer is left alone for a doubling number of cycles; a connection whose push socket is open is
 * taken from it without a request. Changes fire {@link PrinterViewChanged}.
 *
 * <p>With a store several servers share ({@link ClusterWork}), one server refreshes for the cluster: it writes each
 * changed snapshot (and every snapshot at least every {@value #HEARTBEAT_SECONDS} s) to the store once per tick, and the
 * other servers read what was written since their last look, so their snapshots and events follow without printer
 * traffic of their own. When the refreshing server dies, another takes over with its lease.
 */
@ApplicationScoped
public class FleetMonitor {

    private static final Logger LOG = Logger.getLogger(FleetMonitor.class.getName());
    private static final Duration TICK = Duration.ofSeconds(1);
    private static final Duration RELOAD = Duration.ofSeconds(30);
    /** The kind of the shared items holding snapshots. */
    static final String SHARED_KIND = "fleet-snapshot";
    /** A snapshot unchanged for this long is written again, so the other servers see a recent {@code updatedAt}. */
    static final int HEARTBEAT_SECONDS = 30;
    /** Rows are read again this far back: a write stamped earlier may have committed after the last look. */
    private static final Duration FOLLOW_OVERLAP = Duration.ofSeconds(3);
    /** An idle printer's job is read every this many refreshes (see {@link #needsJob}). */
    static final int IDLE_JOB_EVERY = 6;

    @Inject
    ModuleConfig config;

    @Inject
    Background background;

    @Inject
    ConnectionStore store;

    @Inject
    OpenedConnections opened;

    @Inject
    RouteTable routes;

    @Inject
    HttpTransport transport;

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

    private final Clock clock = Clock.systemUTC();
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private volatile BoundedDrain<Entry> refreshes;
    private volatile Settings settings;
    private volatile Instant lastTick;
    private volatile Instant loadedAt = Instant.EPOCH;
    private volatile boolean stopping;
    /** Whether this server refreshed for the cluster at its last tick. */
    private volatile boolean leading;
    /** Snapshots to write to the store at the next tick, by connection id (the latest wins). */
    private final Map<String, PrinterView> toShare = new ConcurrentHashMap<>();
    /** When each connection's snapshot was last written to the store. */
    private final Map<String, Instant> sharedAt = new ConcurrentHashMap<>();
    /** The newest {@code writtenAt} read from the store (the writer's clock). */
    private volatile Instant followedUpTo = Instant.EPOCH;

    private record Settings(Duration cycle, int concurrency, Duration backoffMax, Duration readTimeout, RefreshPhases phases,
                            java.util.concurrent.Executor appContext) {
    }

    /** One connection's place in the fleet. */
    private static final class Entry {
        final String id;
        volatile StoredConnection stored;
        volatile PrinterView snapshot;
        volatile Instant notBefore = Instant.EPOCH;
        volatile CompletableFuture<Void> pending;
        int misses;
        /** Refreshes since {@code /api/job} was last asked. */
        int jobSkips;
        /** What runs the printer, once known; until then it is asked as an OctoPrint. */
        volatile PrinterPlatform platform;
        volatile Instant platformLookedUpAt = Instant.EPOCH;
        volatile Instant platformAskedAt = Instant.EPOCH;

        Entry(String id, StoredConnection stored) {
            this.id = id;
            this.stored = stored;
        }
    }

    void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
        Duration cycle = config.fleetCycle();
        if (cycle.isZero()) {
            LOG.info("The fleet monitor is off (" + ModuleConfig.FLEET_CYCLE + " is not set)");
            return;
        }
        settings = new Settings(cycle, config.fleetConcurrency(), config.fleetOfflineBackoffMax(), config.readTimeout(),
                new RefreshPhases(cycle), background.inCurrentContext());
        refreshes = new BoundedDrain<>(settings.concurrency(), this::refreshAndSettle);
        metrics.fleetWaiting(this::waiting);
        lastTick = clock.instant();
        background.every("fleet refresh", TICK, TICK, this::tick);
        LOG.info(() -> "Fleet monitor: every connection each " + cycle + ", at most " + settings.concurrency()
                + " requests in flight");
        if (ForkJoinPool.getCommonPoolParallelism() < 2) {
            LOG.warning("The JVM's common fork-join pool has a single thread (few cores): the JDK HttpClient then starts a"
                    + " thread for every response the fleet monitor receives. Set"
                    + " -Djava.util.concurrent.ForkJoinPool.common.parallelism=4 in jvm.options (see README, The fleet monitor)");
        }
    }

    /**
     * Refreshes queued behind the concurrency bound: at most one per connection, since a connection already queued or
     * being refreshed is not queued again.
     */
    public int waiting() {
        BoundedDrain<Entry> drain = refreshes;
        return drain == null ? 0 : drain.waiting();
    }

    /**
     * The job of the connection's latest snapshot when the printer answered within {@code maxAge} (on this server or,
     * in a cluster, on the one refreshing): other work takes it instead of asking the printer again.
     */
    public Optional<PrintJob> recentJob(String connectionId, Duration maxAge) {
        Entry entry = entries.get(connectionId);
        PrinterView s = entry == null ? null : entry.snapshot;
        if (s == null || s.state() != ConnectionState.ONLINE || s.lastError().isPresent()
                || s.updatedAt().isBefore(clock.instant().minus(maxAge))) {
            return Optional.empty();
        }
        return s.job();
    }

    /** The latest snapshots, by connection id. */
    public List<PrinterView> snapshots() {
        return entries.values().stream().map(e -> e.snapshot).filter(s -> s != null)
                .sorted(Comparator.comparing(PrinterView::connectionId)).toList();
    }

    /**
     * Refreshes every connection now, within the same concurrency bound; completes when all have answered or failed,
     * each with a request sent after this call. For benchmarks and tests; the monitor must be on.
     */
    public CompletableFuture<Void> refreshAll() {
        if (settings == null) {
            throw new IllegalStateException("The fleet monitor is off: set " + ModuleConfig.FLEET_CYCLE);
        }
        reload(clock.instant());
        // A refresh already under way may have asked before this call; wait for those, then ask everyone afresh.
        CompletableFuture<?>[] underWay = entries.values().stream().map(e -> e.pending).filter(p -> p != null)
                .toArray(CompletableFuture[]::new);
        return CompletableFuture.allOf(underWay).thenCompose(ignored -> {
            CompletableFuture<?>[] all = entries.values().stream().map(this::enqueue).toArray(CompletableFuture[]::new);
            refreshes.drain();
            return CompletableFuture.allOf(all);
        });
    }

    void tick() {
        Settings s = settings;
        Instant now = clock.instant();
        if (Duration.between(loadedAt, now).compareTo(RELOAD) >= 0) {
            reload(now);
        }
        if (!cluster.runsHere(ClusterWork.FLEET)) {
            if (leading) {
                leading = false;
                toShare.clear();
                LOG.info("Another server refreshes the fleet for the cluster; this one follows its snapshots");
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
        for (Entry entry : entries.values()) {
            if (s.phases().due(entry.id, after, now)) {
                enqueue(entry);
            }
        }
        lastTick = now;
        refreshes.drain();
        share(now);
    }

    /** Writes the snapshots that changed since the last tick to the store, in one transaction. */
    private void share(Instant now) {
        if (toShare.isEmpty() || !cluster.sharing()) {
            return;
        }
        Map<String, String> batch = new java.util.HashMap<>();
        for (String id : List.copyOf(toShare.keySet())) {
            PrinterView snapshot = toShare.remove(id);
            if (snapshot != null && entries.containsKey(id)) {
                batch.put(id, SnapshotJson.write(snapshot));
            }
        }
        try {
            shared.write(SHARED_KIND, batch, now, cluster.me());
            batch.keySet().forEach(id -> sharedAt.put(id, now));
        } catch (RuntimeException e) {
            // The next change or heartbeat writes them again.
            LOG.log(Level.WARNING, "Fleet snapshots could not be shared through the store (" + batch.size() + ")", e);
        }
    }

    /** On a server that does not refresh: takes the snapshots the refreshing server wrote since the last look. */
    private void follow() {
        if (!cluster.ready()) {
            return;
        }
        List<SharedStore.Item> items;
        try {
            items = shared.writtenSince(SHARED_KIND, followedUpTo.minus(FOLLOW_OVERLAP));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Fleet snapshots could not be read from the store", e);
            return;
        }
        for (SharedStore.Item item : items) {
            if (item.writtenAt().isAfter(followedUpTo)) {
                followedUpTo = item.writtenAt();
            }
            PrinterView snapshot;
            try {
                snapshot = SnapshotJson.read(item.payload());
            } catch (RuntimeException e) {
                LOG.log(Level.FINE, "Shared fleet snapshot of " + item.item() + " not read", e);
                continue;
            }
            Entry entry = entries.get(item.item());
            if (entry == null) {
                Optional<StoredConnection> stored = load(item.item());
                if (stored.isEmpty()) {
                    continue;
                }
                entry = entries.computeIfAbsent(item.item(), id -> new Entry(id, stored.get()));
            }
            PrinterView mine = entry.snapshot;
            if (mine == null || !snapshot.updatedAt().isBefore(mine.updatedAt())) {
                publish(entry, snapshot, false);
            }
        }
    }

    private void reload(Instant now) {
        List<String> ids = store.ids();
        Set<String> inStore = Set.copyOf(ids);
        for (String gone : List.copyOf(entries.keySet())) {
            if (!inStore.contains(gone)) {
                // Removed on another server: forget it here, and its shared snapshot if this server wrote one.
                forget(gone);
            }
        }
        for (String id : ids) {
            if (!entries.containsKey(id)) {
                load(id).ifPresent(stored -> entries.putIfAbsent(id, new Entry(id, stored)));
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
    private synchronized CompletableFuture<Void> enqueue(Entry entry) {
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

    /** One entry's refresh for the drain: completes the entry's future whatever happens. */
    private CompletableFuture<Void> refreshAndSettle(Entry entry) {
        CompletableFuture<Void> done = entry.pending;
        long started = System.nanoTime();
        return refresh(entry).whenComplete((ok, failure) -> {
            PrinterView now = entry.snapshot;
            metrics.fleetRefresh(Duration.ofNanos(System.nanoTime() - started), now == null ? "UNKNOWN" : now.state().name());
            if (failure != null && !stopping) {
                LOG.log(Level.WARNING, "Fleet refresh of App Connection " + entry.id + " failed unexpectedly", failure);
            }
            if (done != null) {
                done.complete(null);
            }
        });
    }

    /** One refresh: no traffic for dead or resting connections or an open push socket; else printer, and job when needed. */
    private CompletableFuture<Void> refresh(Entry entry) {
        StoredConnection stored = entry.stored;
        AppConnection connection = stored.connection();
        ConnectionState state = outcomes.known(entry.id).orElse(connection.state());
        Instant now = clock.instant();
        if (state == ConnectionState.REVOKED || state == ConnectionState.INVALID_CREDENTIALS || now.isBefore(entry.notBefore)) {
            publish(entry, snapshot(entry, state, Optional.empty(), Optional.empty(), Optional.empty(),
                    previous(entry).map(PrinterView::updatedAt).orElse(now)));
            return CompletableFuture.completedFuture(null);
        }
        Optional<PushMessage.State> pushed = push.recentState(entry.id, settings.cycle());
        if (pushed.isPresent()) {
            PrintJob job = pushed.get().job();
            publish(entry, new PrinterView(entry.id, connection.printerName(), ConnectionState.ONLINE,
                    routes.current(connection), job.statusText(), Optional.of(job), pushed.get().temperatures(), Optional.empty(),
                    pushed.get().receivedAt()));
            return CompletableFuture.completedFuture(null);
        }
        Target target;
        try {
            target = routes.target(connection, stored.secrets());
        } catch (AppConnectionException unusable) {
            failed(entry, unusable);
            return CompletableFuture.completedFuture(null);
        }
        return ask(entry, target).exceptionallyComposeAsync(failure -> {
            AppConnectionException error = unwrap(target, failure);
            if (target.route() == ConnectionRoute.LAN && RouteTable.lanRouteFailed(error)) {
                // As for any call: the LAN route is dropped and the same refresh asks through the relay at once.
                routes.lanFailed(entry.id);
                Target relay;
                try {
                    relay = routes.relay(connection, stored.secrets());
                } catch (AppConnectionException unusable) {
                    failed(entry, unusable);
                    return CompletableFuture.completedFuture(null);
                }
                return ask(entry, relay).exceptionallyAsync(again -> {
                    failed(entry, unwrap(relay, again));
                    return null;
                }, settings.appContext());
            }
            failed(entry, error);
            return CompletableFuture.completedFuture(null);
        }, settings.appContext());
    }

    /** How often the platform of a printer not known yet is looked up again (it is learned in the background). */
    private static final Duration PLATFORM_LOOKUP = Duration.ofMinutes(1);

    /** What runs the entry's printer: remembered, else looked up at most once a minute (learning it in the background). */
    private PrinterPlatform platformOf(Entry entry) {
        PrinterPlatform known = entry.platform;
        if (known != null) {
            return known;
        }
        Instant now = clock.instant();
        if (Duration.between(entry.platformLookedUpAt, now).compareTo(PLATFORM_LOOKUP) >= 0) {
            entry.platformLookedUpAt = now;
            Optional<PrinterPlatform> kept = platforms.known(entry.id);
            if (kept.isPresent()) {
                entry.platform = kept.get();
                return kept.get();
            }
        }
        return PrinterPlatform.UNKNOWN;
    }

    /**
     * A printer of unknown platform answered {@code /api/printer} with 404: no OctoPrint there. Learn what it runs (a
     * few relayed calls, once a minute at most) so the next refresh asks in its terms.
     */
    private void noOctoPrint(Entry entry) {
        Instant now = clock.instant();
        if (entry.platform != null || Duration.between(entry.platformAskedAt, now).compareTo(PLATFORM_LOOKUP) < 0) {
            return;
        }
        entry.platformAskedAt = now;
        StoredConnection stored = entry.stored;
        background.submit(() -> {
            try {
                PrinterPlatform learned = platforms.of(stored);
                if (learned != PrinterPlatform.UNKNOWN) {
                    entry.platform = learned;
                }
            } catch (AppConnectionException e) {
                // Not reachable now: the next 404 asks again, a minute later at the earliest.
            }
        });
    }

    /** Asks the printer on one target, in its platform's terms, and publishes what it answered; fails as the request failed. */
    private CompletableFuture<Void> ask(Entry entry, Target target) {
        try {
            return switch (platformOf(entry)) {
                case MOONRAKER -> askMoonraker(entry, target);
                // The command API is only on the relay.
                case OTHER -> askCommandApi(entry, target.route() == ConnectionRoute.RELAY ? target
                        : routes.relay(entry.stored.connection(), entry.stored.secrets()));
                default -> askOctoPrint(entry, target);
            };
        } catch (AppConnectionException unusable) {
            return CompletableFuture.failedFuture(unusable);
        }
    }

    private static final java.lang.reflect.Type MOONRAKER_ANSWER =
            WireJson.type(MoonrakerResult.class, MoonrakerQueryAnswer.class);
    private static final String MOONRAKER_QUERY =
            "/printer/objects/query?print_stats&virtual_sdcard&extruder&heater_bed&display_status&webhooks";

    private CompletableFuture<Void> askMoonraker(Entry entry, Target target) {
        return this.<MoonrakerResult<MoonrakerQueryAnswer>>get(target, MOONRAKER_QUERY, MOONRAKER_ANSWER).thenApply(answer -> {
            var klipper = MoonrakerMapper.queried(answer.result());
            published(entry, target, klipper.statusText(), klipper.job(), klipper.temperatures());
            return (Void) null;
        });
    }

    private CompletableFuture<Void> askCommandApi(Entry entry, Target target) {
        return this.<CommandAnswer<CommandStatusAnswer>>get(target, "/octoeverywhere-command-api/status",
                CommandApiMapper.STATUS).thenApply(envelope -> {
            if (envelope.status() == null) {
                throw new dev.printfarm.appconnection.api.error.PrinterResponseException(
                        "The command API answered JSON without a Status", entry.id, JsonAnswers.UNUSABLE);
            }
            if (envelope.status() != 200) {
                String why = Optional.ofNullable(envelope.error()).map(e -> ": " + e).orElse("");
                throw envelope.status() == FeatureUnsupportedException.STATUS
                        ? new FeatureUnsupportedException("The printer's command API has no status" + why, entry.id)
                        : new CommandRefusedException("The printer's command API refused the status (" + envelope.status()
                                + ")" + why, entry.id, envelope.status());
            }
            var status = CommandApiMapper.status(envelope.result());
            published(entry, target, status.statusText(), status.job(), status.temperatures());
            return (Void) null;
        });
    }

    /** What a printer that does not run OctoPrint answered, in the snapshot's (OctoPrint's) terms. */
    private void published(Entry entry, Target target, String statusText, PrintJob job, List<Temperature> temperatures) {
        entry.misses = 0;
        entry.notBefore = Instant.EPOCH;
        outcomes.answered(entry.id, ConnectionState.ONLINE);
        publish(entry, new PrinterView(entry.id, entry.stored.connection().printerName(), ConnectionState.ONLINE,
                target.route(), Optional.of(statusText), Optional.of(job), temperatures, Optional.empty(),
                clock.instant()));
    }

    private CompletableFuture<Void> askOctoPrint(Entry entry, Target target) {
        AppConnection connection = entry.stored.connection();
        PrinterView before = entry.snapshot;
        return this.<OctoPrintPrinterAnswer>get(target, "/api/printer?exclude=sd", OctoPrintPrinterAnswer.class)
                .thenCompose(printer -> {
                    OctoPrintPrinterState p = OctoPrintMapper.printer(printer);
                    if (!needsJob(entry, before, p)) {
                        entry.jobSkips++;
                        return CompletableFuture.completedFuture(new Answer(p, before.job().orElseThrow()));
                    }
                    return this.<OctoPrintJobAnswer>get(target, "/api/job", OctoPrintJobAnswer.class).thenApply(job -> {
                        entry.jobSkips = 0;
                        return new Answer(p, OctoPrintMapper.job(job));
                    });
                })
                .thenApply(answer -> {
                    OctoPrintPrinterState p = answer.printer();
                    PrintJob j = answer.job();
                    if (entry.platform == null) {
                        entry.platform = PrinterPlatform.OCTOPRINT;
                        background.submit(() -> platforms.learned(entry.id, PrinterPlatform.OCTOPRINT));
                    }
                    entry.misses = 0;
                    entry.notBefore = Instant.EPOCH;
                    outcomes.answered(entry.id, ConnectionState.ONLINE);
                    publish(entry, new PrinterView(entry.id, connection.printerName(), ConnectionState.ONLINE,
                            target.route(), p.stateText().or(j::statusText), Optional.of(j), p.temperatures(), Optional.empty(),
                            clock.instant()));
                    return (Void) null;
                });
    }

    /** What one refresh learned from the printer. */
    private record Answer(OctoPrintPrinterState printer, PrintJob job) {
    }

    /**
     * Whether this refresh must ask {@code /api/job} too. {@code /api/printer} already tells the state and
     * temperatures; the job (file, progress) changes only while a print is under way or when the state moves, so an
     * idle printer whose state text is unchanged costs one request, and its job is re-read every
     * {@value #IDLE_JOB_EVERY}th refresh in case a file was selected.
     */
    static boolean needsJob(int jobSkips, Optional<PrinterView> before, OctoPrintPrinterState now) {
        if (before.isEmpty() || before.get().job().isEmpty() || now.printing() || now.paused()
                || jobSkips + 1 >= IDLE_JOB_EVERY) {
            return true;
        }
        return !before.get().statusText().equals(now.stateText());
    }

    private static boolean needsJob(Entry entry, PrinterView before, OctoPrintPrinterState now) {
        return needsJob(entry.jobSkips, Optional.ofNullable(before), now);
    }

    /** A GET whose success answer is read as {@code type}; one that cannot be read is the printer's unusable answer. */
    private <T> CompletableFuture<T> get(Target target, String path, java.lang.reflect.Type type) {
        Duration timeout = target.route() == ConnectionRoute.LAN ? routes.connectTimeout(target).plus(settings.readTimeout())
                : settings.readTimeout();
        HttpRequest request = transport.request(target, path, timeout).GET().build();
        // The answer is handled in the application's context: the HttpClient's threads have none.
        return transport.sendAsync(target, request, transport.text()).thenApplyAsync(response -> {
            if (response.statusCode() >= 400) {
                throw transport.error(target, response.statusCode());
            }
            return JsonAnswers.fromPrinter(target.connectionId()).<T>read(response, type);
        }, settings.appContext());
    }

    private AppConnectionException unwrap(Target target, Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        return cause instanceof AppConnectionException e ? e : transport.failure(target, cause);
    }

    private void failed(Entry entry, AppConnectionException failure) {
        outcomes.failed(entry.id, failure);
        if (failure instanceof dev.printfarm.appconnection.api.error.PrinterResponseException && failure.status().orElse(0) == 404
                && entry.platform == null) {
            noOctoPrint(entry);
        }
        boolean unanswered = failure instanceof PrinterOfflineException || failure instanceof RelayTimeoutException
                || failure instanceof PrinterUnreachableException;
        if (unanswered) {
            entry.misses++;
            Duration rest = settings.cycle();
            for (int i = 1; i < entry.misses && rest.compareTo(settings.backoffMax()) < 0; i++) {
                rest = rest.multipliedBy(2);
            }
            entry.notBefore = clock.instant().plus(rest.compareTo(settings.backoffMax()) > 0 ? settings.backoffMax() : rest)
                    .minus(TICK);
        }
        ConnectionState state = outcomes.known(entry.id).orElse(entry.stored.connection().state());
        PrinterView.Failure error = new PrinterView.Failure(
                failure.status().isPresent() ? OptionalInt.of(failure.status().getAsInt()) : OptionalInt.empty(),
                failure.getMessage(), failure.isTemporary(),
                failure instanceof ConnectionSuspendedException s ? Optional.of(s.supporterUrl()) : Optional.empty());
        publish(entry, snapshot(entry, state, Optional.empty(), Optional.empty(), Optional.of(error),
                previous(entry).map(PrinterView::updatedAt).orElse(clock.instant())));
    }

    private static Optional<PrinterView> previous(Entry entry) {
        return Optional.ofNullable(entry.snapshot);
    }

    private PrinterView snapshot(Entry entry, ConnectionState state, Optional<String> stateText, Optional<PrintJob> job,
                                     Optional<PrinterView.Failure> error, Instant updatedAt) {
        AppConnection connection = entry.stored.connection();
        PrinterView previous = entry.snapshot;
        Optional<PrinterView.Failure> lastError = error.isPresent() || previous == null ? error : previous.lastError();
        return new PrinterView(entry.id, connection.printerName(), state, routes.current(connection), stateText, job,
                List.<Temperature>of(), lastError, updatedAt);
    }

    private void publish(Entry entry, PrinterView current) {
        publish(entry, current, true);
    }

    /** Takes a new snapshot, fires its change, and queues it for the other servers when it was learned here. */
    private void publish(Entry entry, PrinterView current, boolean learnedHere) {
        Optional<PrinterView> previous = previous(entry);
        entry.snapshot = current;
        boolean changed = SnapshotDiff.changed(previous, current);
        if (learnedHere && cluster.sharing() && (changed || Duration.between(sharedAt.getOrDefault(entry.id, Instant.EPOCH),
                clock.instant()).toSeconds() >= HEARTBEAT_SECONDS)) {
            toShare.put(entry.id, current);
        }
        if (changed) {
            try {
                changes.fire(new PrinterViewChanged(previous, current));
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "An observer of a fleet snapshot failed", e);
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
        if (settings != null) {
            String id = created.connection().id();
            load(id).ifPresent(stored -> entries.putIfAbsent(id, new Entry(id, stored)));
        }
    }

    void secretsReplaced(@Observes SecretsReplaced replaced) {
        Entry entry = entries.get(replaced.connectionId());
        if (entry != null) {
            load(entry.id).ifPresent(stored -> entry.stored = stored);
        }
    }

    void forget(@Observes ConnectionRemoved removed) {
        forget(removed.connectionId());
    }

    private void forget(String id) {
        entries.remove(id);
        toShare.remove(id);
        if (sharedAt.remove(id) != null || (cluster.sharing() && cluster.ready())) {
            try {
                shared.delete(SHARED_KIND, id);
            } catch (RuntimeException e) {
                LOG.log(Level.FINE, "Shared fleet snapshot of " + id + " not deleted", e);
            }
        }
    }
}
