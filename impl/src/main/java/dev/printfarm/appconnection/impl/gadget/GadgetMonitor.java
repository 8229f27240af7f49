package dev.printfarm.appconnection.impl.gadget;

import dev.printfarm.appconnection.api.AppConnectionException;
import dev.printfarm.appconnection.api.ConnectionRemoved;
import dev.printfarm.appconnection.api.GadgetUpdate;
import dev.printfarm.appconnection.api.JobStatus;
import dev.printfarm.appconnection.api.Subscription;
import dev.printfarm.appconnection.api.UnknownConnectionException;
import dev.printfarm.appconnection.impl.appapi.AppApiClient;
import dev.printfarm.appconnection.impl.internal.Background;
import dev.printfarm.appconnection.impl.internal.ModuleConfig;
import dev.printfarm.appconnection.impl.metrics.ModuleMetrics;
import dev.printfarm.appconnection.impl.live.PushSockets;
import dev.printfarm.appconnection.impl.octoprint.OctoPrintClients;
import dev.printfarm.appconnection.impl.store.ConnectionStore;
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
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Polls Gadget for the connections someone watches, one poll per connection whatever the number of watchers, on the
 * plan {@link GadgetPlan} lays out. A tick each second looks for watches that are due; the checks run on the managed
 * executor, one at a time per connection.
 */
@ApplicationScoped
public class GadgetMonitor {

    private static final Logger LOG = Logger.getLogger(GadgetMonitor.class.getName());
    private static final Duration TICK = Duration.ofSeconds(1);
    /** A push frame this recent stands for a job read. */
    private static final Duration PUSH_FRESHNESS = Duration.ofSeconds(5);

    @Inject
    ModuleConfig config;

    @Inject
    Background background;

    @Inject
    ConnectionStore store;

    @Inject
    AppApiClient appApi;

    @Inject
    OctoPrintClients octoPrint;

    @Inject
    PushSockets push;

    @Inject
    ModuleMetrics metrics;

    @Inject
    Event<GadgetUpdate> updates;

    private final Clock clock = Clock.systemUTC();
    private final Map<String, Watch> watches = new ConcurrentHashMap<>();
    private final AtomicBoolean ticking = new AtomicBoolean();

    private static final class Watch {
        final String connectionId;
        final GadgetPlan plan;
        final List<Listener> listeners = new CopyOnWriteArrayList<>();
        final AtomicBoolean busy = new AtomicBoolean();

        Watch(String connectionId, GadgetPlan plan) {
            this.connectionId = connectionId;
            this.plan = plan;
        }
    }

    /** One subscriber; compared by identity, so the same consumer may subscribe twice. */
    private static final class Listener {
        final Consumer<GadgetUpdate> consumer;

        Listener(Consumer<GadgetUpdate> consumer) {
            this.consumer = consumer;
        }
    }

    public Subscription watch(String connectionId, Consumer<GadgetUpdate> consumer) {
        Objects.requireNonNull(consumer, "listener");
        if (connectionId == null || store.find(connectionId).isEmpty()) {
            throw new UnknownConnectionException(connectionId);
        }
        Listener listener = new Listener(consumer);
        watches.compute(connectionId, (id, existing) -> {
            Watch watch = existing;
            if (watch == null || watch.plan.stopped()) {
                // A watch stopped by a permanent failure starts afresh, keeping its listeners.
                watch = new Watch(id, newPlan());
                if (existing != null) {
                    watch.listeners.addAll(existing.listeners);
                }
            }
            watch.listeners.add(listener);
            return watch;
        });
        if (ticking.compareAndSet(false, true)) {
            background.every("Gadget monitor", TICK, TICK, this::tick);
        }
        AtomicBoolean closed = new AtomicBoolean();
        return () -> {
            if (closed.compareAndSet(false, true)) {
                watches.computeIfPresent(connectionId, (id, watch) -> {
                    watch.listeners.remove(listener);
                    return watch.listeners.isEmpty() ? null : watch;
                });
            }
        };
    }

    /** How many watchers a connection has; for health and tests. */
    public int watchers(String connectionId) {
        Watch watch = watches.get(connectionId);
        return watch == null ? 0 : watch.listeners.size();
    }

    private GadgetPlan newPlan() {
        return new GadgetPlan(config.gadgetPollInterval(), config.gadgetDisabledPollInterval(),
                config.gadgetPrintCheckInterval());
    }

    void tick() {
        Instant now = clock.instant();
        for (Watch watch : watches.values()) {
            if (watch.plan.due(now) && watch.busy.compareAndSet(false, true)) {
                if (!background.submit(() -> check(watch))) {
                    watch.busy.set(false);
                }
            }
        }
    }

    private void check(Watch watch) {
        try {
            Optional<StoredConnection> stored = store.findWithSecrets(watch.connectionId);
            if (stored.isEmpty()) {
                watches.remove(watch.connectionId, watch);
                return;
            }
            Optional<PrintIdentity> print;
            try {
                // An open push socket already tells the job; otherwise one relayed read.
                JobStatus job = push.recentJob(watch.connectionId, PUSH_FRESHNESS)
                        .orElseGet(() -> octoPrint.open(stored.get()).job());
                print = PrintIdentity.of(job, clock.instant());
            } catch (AppConnectionException e) {
                watch.plan.jobUnknown(clock.instant());
                return;
            }
            if (!watch.plan.shouldPoll(clock.instant(), print) || watches.get(watch.connectionId) != watch) {
                return;
            }
            GadgetUpdate update;
            try {
                var status = appApi.gadgetStatus(stored.get().connection(), stored.get().secrets());
                update = GadgetUpdate.of(watch.connectionId, clock.instant(), status);
                metrics.gadgetCall("2xx");
            } catch (AppConnectionException e) {
                update = GadgetUpdate.failed(watch.connectionId, clock.instant(), e);
                metrics.gadgetCall(ModuleMetrics.outcome(e));
            }
            watch.plan.answered(update, print.get());
            deliver(watch, update);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Gadget check of connection " + watch.connectionId + " failed", e);
            watch.plan.jobUnknown(clock.instant());
        } finally {
            watch.busy.set(false);
        }
    }

    private void deliver(Watch watch, GadgetUpdate update) {
        try {
            updates.fire(update);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "An observer of a Gadget update failed", e);
        }
        for (Listener listener : watch.listeners) {
            try {
                listener.consumer.accept(update);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "A Gadget listener of connection " + watch.connectionId + " failed", e);
            }
        }
    }

    void forget(@Observes ConnectionRemoved removed) {
        watches.remove(removed.connectionId());
    }
}
