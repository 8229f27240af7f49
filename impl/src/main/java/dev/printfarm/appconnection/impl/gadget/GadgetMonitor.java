package dev.printfarm.appconnection.impl.gadget;

import dev.printfarm.appconnection.api.PrinterPlatform;
import dev.printfarm.appconnection.api.Subscription;
import dev.printfarm.appconnection.api.appapi.GadgetListener;
import dev.printfarm.appconnection.api.appapi.GadgetUpdate;
import dev.printfarm.appconnection.api.error.AppConnectionException;
import dev.printfarm.appconnection.api.error.UnknownConnectionException;
import dev.printfarm.appconnection.api.event.ConnectionRemoved;
import dev.printfarm.appconnection.api.fleet.PrintJob;
import dev.printfarm.appconnection.impl.appapi.AppApiClient;
import dev.printfarm.appconnection.impl.cluster.ClusterWork;
import dev.printfarm.appconnection.impl.commandapi.CommandApiClients;
import dev.printfarm.appconnection.impl.config.ServiceSettings;
import dev.printfarm.appconnection.impl.fleet.FleetMonitor;
import dev.printfarm.appconnection.impl.internal.Background;
import dev.printfarm.appconnection.impl.live.PushSockets;
import dev.printfarm.appconnection.impl.metrics.ModuleMetrics;
import dev.printfarm.appconnection.impl.moonraker.MoonrakerClients;
import dev.printfarm.appconnection.impl.octoprint.OctoPrintClients;
import dev.printfarm.appconnection.impl.platform.Platforms;
import dev.printfarm.appconnection.impl.startup.ModuleStarting;
import dev.printfarm.appconnection.impl.store.ConnectionStore;
import dev.printfarm.appconnection.impl.store.OpenedConnections;
import dev.printfarm.appconnection.impl.store.StoredConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Polls Gadget for the connections someone watches, one poll per connection whatever the number of watchers, on the
 * plan {@link GadgetPlan} lays out. A tick each second looks for watches that are due; the checks run on the managed
 * executor, one at a time per connection.
 *
 * <p>With a store several servers share ({@link ClusterWork}), one server polls for the whole cluster: every server
 * writes the connections it watches to the store ({@link GadgetSharing}); the polling server polls the union, shares
 * each answer, and the others hand the answers to their own watchers. A server that takes
 * the polling over counts OctoEverywhere's 10 s from the last answer any server had, so the rule holds cluster-wide.
 *
 * <p>Somewhat over 300 lines: the tick and the check share the watch tables; the plan ({@link GadgetPlan}), a
 * watch and its listeners ({@link GadgetWatch}) and the cluster's side ({@link GadgetSharing}) are classes of their
 * own.
 */
@ApplicationScoped
public class GadgetMonitor {

    private static final Logger LOG = Logger.getLogger(GadgetMonitor.class.getName());
    private static final Duration TICK = Duration.ofSeconds(1);
    /** A push frame this recent stands for a job read. */
    private static final Duration PUSH_FRESHNESS = Duration.ofSeconds(5);

    @Inject
    ServiceSettings service;

    @Inject
    GadgetSettings settings;

    @Inject
    Background background;

    @Inject
    ConnectionStore store;

    @Inject
    OpenedConnections opened;

    @Inject
    AppApiClient appApi;

    @Inject
    OctoPrintClients octoPrint;

    @Inject
    MoonrakerClients moonraker;

    @Inject
    CommandApiClients commandApi;

    @Inject
    Platforms platforms;

    @Inject
    PushSockets push;

    @Inject
    ModuleMetrics metrics;

    @Inject
    Event<GadgetUpdate> updates;

    @Inject
    ClusterWork cluster;

    @Inject
    FleetMonitor fleet;

    @Inject
    GadgetSharing sharing;

    private final Clock clock = Clock.systemUTC();
    /** This server's watches, each with its listeners. */
    private final Map<String, GadgetWatch> watches = new ConcurrentHashMap<>();
    /** On the server polling for the cluster: connections only other servers watch. */
    private final Map<String, GadgetWatch> remote = new ConcurrentHashMap<>();
    /** The newest answer any server of the cluster had, by connection. */
    private final Map<String, Instant> lastAnswerAt = new ConcurrentHashMap<>();

    private final AtomicBoolean ticking = new AtomicBoolean();
    private volatile boolean polling;

    public Subscription watch(String connectionId, GadgetListener consumer) {
        Objects.requireNonNull(consumer, "listener");
        if (connectionId == null || store.find(connectionId).isEmpty()) {
            throw new UnknownConnectionException(connectionId);
        }
        GadgetWatch.Listener listener = new GadgetWatch.Listener(consumer);
        watches.compute(connectionId, (id, existing) -> {
            GadgetWatch watch = existing;
            if (watch == null || watch.plan.stopped()) {
                // A watch stopped by a permanent failure starts afresh, keeping its listeners.
                watch = new GadgetWatch(id, newPlan(id));
                remote.remove(id);
                if (existing != null) {
                    watch.adoptListeners(existing);
                }
            }
            watch.add(listener);
            return watch;
        });
        startTicking();
        if (cluster.sharing()) {
            sharing.watchesChanged();
        }
        AtomicBoolean closed = new AtomicBoolean();
        return () -> {
            if (closed.compareAndSet(false, true)) {
                GadgetWatch left = watches.computeIfPresent(connectionId, (id, watch) -> {
                    watch.remove(listener);
                    return watch.unwatched() ? null : watch;
                });
                if (left == null && cluster.sharing()) {
                    sharing.unadvertise(connectionId);
                }
            }
        };
    }

    /** With a shared store this server may have to poll for others' watches, so the tick runs from the start. */
    void start(@Observes ModuleStarting started) {
        if (cluster.sharing()) {
            startTicking();
        }
    }

    private void startTicking() {
        if (ticking.compareAndSet(false, true)) {
            background.every("Gadget monitor", TICK, TICK, this::tick);
        }
    }

    /** How many watchers a connection has; for health and tests. */
    public int watchers(String connectionId) {
        GadgetWatch watch = watches.get(connectionId);
        return watch == null ? 0 : watch.listenerCount();
    }

    private GadgetPlan newPlan(String connectionId) {
        GadgetPlan plan =
                new GadgetPlan(settings.pollInterval(), settings.disabledPollInterval(), settings.printCheckInterval());
        Instant elsewhere = lastAnswerAt.get(connectionId);
        if (elsewhere != null) {
            plan.answeredElsewhere(elsewhere);
        }
        return plan;
    }

    void tick() {
        Instant now = clock.instant();
        if (cluster.sharing()) {
            if (!cluster.ready()) {
                return;
            }
            sharing.advertise(now, watches.keySet());
            if (!cluster.runsHere(ClusterWork.GADGET)) {
                if (polling) {
                    polling = false;
                    remote.clear();
                    LOG.info("Another server polls Gadget for the cluster; this one passes its answers on");
                }
                follow();
                return;
            }
            if (!polling) {
                polling = true;
                // Answers the previous poller had count towards the 10 s rule here too.
                follow();
                LOG.info("This server polls Gadget for the cluster");
            }
            adoptRemoteWatches(now);
        }
        for (Map<String, GadgetWatch> all : List.of(watches, remote)) {
            for (GadgetWatch watch : all.values()) {
                if (watch.plan.due(now) && watch.busy.compareAndSet(false, true)) {
                    if (!background.submit(() -> check(watch))) {
                        watch.busy.set(false);
                    }
                }
            }
        }
    }

    /** On the polling server: polls the connections other servers watch too, and stops for those none watches now. */
    private void adoptRemoteWatches(Instant now) {
        Optional<java.util.Set<String>> watched = sharing.watchedAnywhere(now);
        if (watched.isEmpty()) {
            return;
        }
        java.util.Set<String> wanted = watched.get();
        remote.keySet().removeIf(id -> !wanted.contains(id) || watches.containsKey(id));
        for (String id : wanted) {
            if (!watches.containsKey(id)) {
                remote.computeIfAbsent(id, key -> new GadgetWatch(key, newPlan(key)));
            }
        }
    }

    /** On the other servers: hands the answers the polling server shared to this server's watchers. */
    private void follow() {
        for (GadgetUpdate update : sharing.news(octoPrint.transport().errors())) {
            lastAnswerAt.merge(update.connectionId(), update.at(), (a, b) -> a.isAfter(b) ? a : b);
            GadgetWatch watch = watches.get(update.connectionId());
            if (watch != null) {
                watch.plan.answeredElsewhere(update.at());
                if (update.at().isAfter(watch.deliveredAt)) {
                    watch.deliver(update, updates);
                }
            }
        }
    }

    /**
     * The job as the printer tells it now, in its own terms: OctoPrint's {@code /api/job}, Moonraker's objects, or the
     * command API's status. A printer whose platform is not known yet is asked what it runs first (stored, so once).
     */
    private PrintJob job(StoredConnection connection) {
        PrinterPlatform platform =
                platforms.known(connection.connection().id()).orElseGet(() -> platforms.of(connection));
        return switch (platform) {
            case MOONRAKER -> moonraker.open(connection).status().job();
            case OTHER -> commandApi.open(connection).status().job();
            default -> octoPrint.open(connection).job();
        };
    }

    private boolean current(GadgetWatch watch) {
        return watches.get(watch.connectionId) == watch || remote.get(watch.connectionId) == watch;
    }

    private void check(GadgetWatch watch) {
        try {
            // An open push socket or a fresh fleet snapshot already tells the job: an idle printer then costs no
            // request and no store read. Otherwise one relayed read.
            Optional<PrintJob> known = push.recentJob(watch.connectionId, PUSH_FRESHNESS)
                    .or(() -> fleet.recentJob(watch.connectionId, settings.printCheckInterval()));
            Optional<StoredConnection> stored = Optional.empty();
            if (known.isEmpty()
                    || known.flatMap(j -> PrintIdentity.of(j, clock.instant())).isPresent()) {
                stored = opened.find(watch.connectionId);
                if (stored.isEmpty()) {
                    watches.remove(watch.connectionId, watch);
                    remote.remove(watch.connectionId, watch);
                    watch.end();
                    return;
                }
            }
            Optional<PrintIdentity> print;
            try {
                StoredConnection connection = stored.orElse(null);
                PrintJob job = known.orElseGet(() -> job(connection));
                print = PrintIdentity.of(job, clock.instant());
            } catch (AppConnectionException e) {
                watch.plan.jobUnknown(clock.instant());
                return;
            }
            if (!watch.plan.shouldPoll(clock.instant(), print)
                    || !current(watch)
                    || (cluster.sharing() && !cluster.runsHere(ClusterWork.GADGET))) {
                return;
            }
            GadgetUpdate update;
            try {
                var status = appApi.gadgetStatus(
                        stored.get().connection(), stored.get().secrets());
                update = GadgetUpdate.of(watch.connectionId, clock.instant(), status);
                metrics.gadgetCall("2xx");
            } catch (AppConnectionException e) {
                update = GadgetUpdate.failed(watch.connectionId, clock.instant(), e);
                metrics.gadgetCall(ModuleMetrics.outcome(e));
            }
            watch.plan.answered(update, print.get());
            lastAnswerAt.put(watch.connectionId, update.at());
            if (cluster.sharing()) {
                sharing.share(update);
            }
            if (!watch.unwatched()) {
                watch.deliver(update, updates);
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Gadget check of connection " + watch.connectionId + " failed", e);
            watch.plan.jobUnknown(clock.instant());
        } finally {
            watch.busy.set(false);
        }
    }

    void forget(@Observes ConnectionRemoved removed) {
        GadgetWatch watch = watches.remove(removed.connectionId());
        remote.remove(removed.connectionId());
        lastAnswerAt.remove(removed.connectionId());
        if (watch != null) {
            watch.end();
        }
    }
}
