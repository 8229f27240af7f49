package dev.printfarm.appconnection.console.api;

import dev.printfarm.appconnection.api.AppConnection;
import dev.printfarm.appconnection.api.AppConnectionService;
import dev.printfarm.appconnection.api.Subscription;
import dev.printfarm.appconnection.api.appapi.GadgetUpdate;
import dev.printfarm.appconnection.api.event.ConnectionCreated;
import dev.printfarm.appconnection.api.event.ConnectionRemoved;
import dev.printfarm.appconnection.api.event.PrinterViewChanged;
import dev.printfarm.appconnection.api.fleet.PrinterView;
import dev.printfarm.appconnection.console.ConsoleSettings;
import dev.printfarm.appconnection.console.farm.Farm;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The console's live view: the farm's connections, the browsers listening on {@code /api/events} (server-sent
 * events), and Gadget watches on every farm printer while at least one browser listens (the module polls Gadget only
 * for printers with a print, at most every 10 s). Fleet snapshot changes and Gadget verdicts go to every listening
 * browser as {@code printer} events carrying the printer's JSON.
 */
@ApplicationScoped
public class ConsoleLive {

    private static final Logger LOG = Logger.getLogger(ConsoleLive.class.getName());
    private static final long PING_SECONDS = 15;

    @Inject
    AppConnectionService connections;

    @Inject
    ConsoleSettings settings;

    @Inject
    Farm operatorFarm;

    @Resource
    ManagedScheduledExecutorService scheduler;

    private record Listener(SseEventSink sink, Sse sse) {}

    private final Set<Listener> listeners = ConcurrentHashMap.newKeySet();
    private final Map<String, GadgetUpdate> gadget = new ConcurrentHashMap<>();
    private final Map<String, Subscription> watches = new ConcurrentHashMap<>();
    private volatile Map<String, AppConnection> farm;
    private volatile ScheduledFuture<?> pings;

    /** The farm's connections by id, newest first when listed. */
    public Map<String, AppConnection> farm() {
        Map<String, AppConnection> current = farm;
        if (current == null) {
            current = reload();
        }
        return current;
    }

    /** One of the farm's connections. */
    public Optional<AppConnection> connection(String id) {
        return Optional.ofNullable(farm().get(id));
    }

    /** One of the farm's connections read from the store now (one row, not the whole farm). */
    public Optional<AppConnection> readAgain(String id) {
        return operatorFarm.connection(id);
    }

    /** Reads the farm's connections again (after a change the module fires no event for, e.g. a pasted API key). */
    public synchronized Map<String, AppConnection> reload() {
        Map<String, AppConnection> byId = new LinkedHashMap<>();
        connections.connections(operatorFarm.owner()).stream()
                .filter(operatorFarm::owns)
                .forEach(c -> byId.put(c.id(), c));
        farm = Collections.unmodifiableMap(byId);
        return farm;
    }

    /** Applies a change to the farm's map (read once from the store if it was not yet). */
    private synchronized void changeFarm(java.util.function.UnaryOperator<Map<String, AppConnection>> change) {
        farm = Collections.unmodifiableMap(change.apply(farm()));
    }

    /** The fleet monitor's snapshots of the farm's printers, by connection id. */
    public Map<String, PrinterView> snapshots() {
        Map<String, AppConnection> ours = farm();
        Map<String, PrinterView> byId = new HashMap<>();
        for (PrinterView s : connections.fleet()) {
            if (ours.containsKey(s.connectionId())) {
                byId.put(s.connectionId(), s);
            }
        }
        return byId;
    }

    public Optional<GadgetUpdate> gadget(String id) {
        return Optional.ofNullable(gadget.get(id));
    }

    /** A browser starts listening. */
    public void join(SseEventSink sink, Sse sse) {
        Listener listener = new Listener(sink, sse);
        listeners.add(listener);
        send(
                listener,
                "hello",
                Json.createObjectBuilder().add("farm", settings.farm()).build());
        synchronized (this) {
            if (pings == null) {
                pings = scheduler.scheduleAtFixedRate(this::ping, PING_SECONDS, PING_SECONDS, TimeUnit.SECONDS);
            }
        }
        farm().keySet().forEach(this::watch);
    }

    void snapshotChanged(@Observes PrinterViewChanged change) {
        PrinterView now = change.current();
        connection(now.connectionId())
                .ifPresent(c -> broadcast(
                        "printer",
                        PrinterViews.printer(c, Optional.of(now), gadget(c.id()))
                                .build()));
    }

    void gadgetAnswered(@Observes GadgetUpdate update) {
        connection(update.connectionId()).ifPresent(c -> {
            gadget.put(c.id(), update);
            broadcast(
                    "printer",
                    PrinterViews.printer(c, Optional.ofNullable(snapshots().get(c.id())), Optional.of(update))
                            .build());
        });
    }

    /**
     * After the farm's own observers (a LAN printer's key is stored with its new connection there): the connection is
     * read again, one row, so the list shows what they stored.
     */
    void created(
            @Observes @jakarta.annotation.Priority(jakarta.interceptor.Interceptor.Priority.APPLICATION + 1000)
                    ConnectionCreated created) {
        AppConnection c = readAgain(created.connection().id()).orElse(created.connection());
        if (operatorFarm.owns(c)) {
            // The new one first, as the list is ordered; no read of the whole farm per connection made.
            changeFarm(byId -> {
                Map<String, AppConnection> next = new LinkedHashMap<>();
                next.put(c.id(), c);
                byId.forEach(next::putIfAbsent);
                return next;
            });
            broadcast(
                    "printers", Json.createObjectBuilder().add("added", c.id()).build());
            if (!listeners.isEmpty()) {
                watch(c.id());
            }
        }
    }

    void removed(@Observes ConnectionRemoved removed) {
        if (!farm().containsKey(removed.connectionId())) {
            // Another farm's: its id is not for this farm's browsers.
            return;
        }
        changeFarm(byId -> {
            Map<String, AppConnection> next = new LinkedHashMap<>(byId);
            next.remove(removed.connectionId());
            return next;
        });
        gadget.remove(removed.connectionId());
        Subscription watch = watches.remove(removed.connectionId());
        if (watch != null) {
            watch.close();
        }
        broadcast(
                "printers",
                Json.createObjectBuilder()
                        .add("removed", removed.connectionId())
                        .build());
    }

    /** Tells every browser that something else changed (LAN printers, a pasted key): they read the lists again. */
    public void listsChanged() {
        broadcast("printers", Json.createObjectBuilder().build());
    }

    private void watch(String id) {
        watches.computeIfAbsent(id, key -> {
            try {
                return connections.watchGadget(key, update -> {
                    // The module fires each answer as a CDI event too; gadgetAnswered handles it once.
                });
            } catch (RuntimeException e) {
                LOG.log(Level.FINE, "No Gadget watch for " + key, e);
                return null;
            }
        });
    }

    private void broadcast(String name, JsonObject data) {
        if (listeners.isEmpty()) {
            return;
        }
        for (Listener listener : List.copyOf(listeners)) {
            send(listener, name, data);
        }
    }

    private void send(Listener listener, String name, JsonObject data) {
        if (listener.sink().isClosed()) {
            leave(listener);
            return;
        }
        OutboundSseEvent event = listener.sse()
                .newEventBuilder()
                .name(name)
                .data(String.class, data.toString())
                .build();
        try {
            listener.sink().send(event).whenComplete((ok, failure) -> {
                if (failure != null) {
                    leave(listener);
                }
            });
        } catch (RuntimeException e) {
            leave(listener);
        }
    }

    private void ping() {
        broadcast("ping", Json.createObjectBuilder().build());
    }

    private void leave(Listener listener) {
        if (!listeners.remove(listener)) {
            return;
        }
        try {
            listener.sink().close();
        } catch (RuntimeException e) {
            // Already gone.
        }
        synchronized (this) {
            if (listeners.isEmpty()) {
                watches.values().forEach(Subscription::close);
                watches.clear();
                if (pings != null) {
                    pings.cancel(false);
                    pings = null;
                }
            }
        }
    }

    @PreDestroy
    void stop() {
        List.copyOf(listeners).forEach(this::leave);
    }
}
