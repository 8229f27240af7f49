package dev.printfarm.appconnection.sandbox.moonraker;

import dev.printfarm.appconnection.sandbox.printer.EmulatedPrinter;
import dev.printfarm.appconnection.sandbox.printer.PrinterRegistry;
import dev.printfarm.appconnection.sandbox.push.PushTransport;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every printer's open Moonraker sockets and the one timer that feeds them: every {@link #TICK} (Moonraker's 250 ms
 * subscription interval) it reads each printer that has an open socket once and hands its objects to each socket,
 * which sends what changed. Printers without a socket cost nothing. Thread-safe.
 */
@ApplicationScoped
public class MoonrakerSockets {

    public static final Duration TICK = Duration.ofMillis(250);
    private static final Logger LOG = Logger.getLogger(MoonrakerSockets.class.getName());

    private static final class Counters {
        final Map<Integer, LongAdder> statuses = new ConcurrentHashMap<>();
        final LongAdder framesSent = new LongAdder();

        void answered(int status) {
            statuses.computeIfAbsent(status, code -> new LongAdder()).increment();
        }
    }

    private final PrinterRegistry printers;
    private final AtomicLong ids = new AtomicLong();
    private final Map<String, Set<RpcSocket>> open = new ConcurrentHashMap<>();
    private final Map<String, Counters> counters = new ConcurrentHashMap<>();
    private ScheduledExecutorService timer;

    protected MoonrakerSockets() {
        this.printers = null;
    }

    @Inject
    public MoonrakerSockets(PrinterRegistry printers) {
        this.printers = printers;
    }

    void startWithTheApplication(@Observes @Initialized(ApplicationScoped.class) Object applicationStarted) {
        ClassLoader loader = MoonrakerSockets.class.getClassLoader();
        synchronized (this) {
            if (timer != null) {
                return;
            }
            timer = Executors.newSingleThreadScheduledExecutor(task -> {
                Thread thread = new Thread(task, "sandbox-moonraker");
                thread.setDaemon(true);
                thread.setContextClassLoader(loader);
                return thread;
            });
        }
        timer.scheduleWithFixedDelay(this::tickQuietly, TICK.toMillis(), TICK.toMillis(), TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        synchronized (this) {
            if (timer != null) {
                timer.shutdownNow();
            }
        }
        closeAll(RpcSocket.GOING_AWAY, "The sandbox is shutting down");
    }

    /** A socket the relay upgraded: counted as a 101 and registered; Moonraker sends nothing until asked. */
    public RpcSocket open(EmulatedPrinter printer, PushTransport transport) {
        Counters counts = counters(printer.id());
        counts.answered(101);
        RpcSocket socket = new RpcSocket(ids.incrementAndGet(), printer, transport, counts.framesSent::increment,
                this::forget);
        open.compute(printer.id(), (id, sockets) -> {
            Set<RpcSocket> registered = sockets == null ? ConcurrentHashMap.newKeySet() : sockets;
            registered.add(socket);
            return registered;
        });
        return socket;
    }

    /** A {@code /websocket} handshake the relay answered with an error instead of upgrading. */
    public void refused(String printerId, int status) {
        counters(printerId).answered(status);
    }

    /** A message from the client: JSON-RPC requests, answered on the same socket. */
    public void received(RpcSocket socket, String text) {
        EmulatedPrinter printer = socket.printer();
        socket.handle(text, new Host(printer, printers.now(), openCount(printer.id()), ""));
    }

    public void closed(RpcSocket socket) {
        socket.closedByPeer();
        forget(socket);
    }

    /** Sockets of the printer open now: Moonraker's {@code websocket_count}. */
    public int openCount(String printerId) {
        return open.getOrDefault(printerId, Set.of()).size();
    }

    /** Closes every open socket of the printer with 1011, as when the relay loses the printer; how many. */
    public int drop(String printerId) {
        Set<RpcSocket> sockets = open.remove(printerId);
        if (sockets == null) {
            return 0;
        }
        int dropped = 0;
        for (RpcSocket socket : sockets) {
            if (socket.close(RpcSocket.UNEXPECTED_CONDITION, "Connection to the printer lost")) {
                dropped++;
            }
        }
        return dropped;
    }

    public MoonrakerSocketCounts counts(String printerId) {
        Set<RpcSocket> sockets = open.getOrDefault(printerId, Set.of());
        int subscribed = (int) sockets.stream().filter(RpcSocket::subscribed).count();
        SortedMap<Integer, Long> statuses = new TreeMap<>();
        Counters counts = counters.get(printerId);
        long framesSent = 0;
        if (counts != null) {
            counts.statuses.forEach((status, count) -> statuses.put(status, count.sum()));
            framesSent = counts.framesSent.sum();
        }
        long handshakes = statuses.values().stream().mapToLong(Long::longValue).sum();
        return new MoonrakerSocketCounts(sockets.size(), subscribed, handshakes, statuses, framesSent);
    }

    /** One look at every printer with an open socket; each socket sends what changed since it last told. */
    public void tick() {
        Instant now = printers.now();
        for (Map.Entry<String, Set<RpcSocket>> entry : open.entrySet()) {
            Set<RpcSocket> sockets = entry.getValue();
            Optional<EmulatedPrinter> printer = printers.find(entry.getKey());
            if (sockets.isEmpty() || printer.isEmpty()) {
                continue;
            }
            Machine machine = Machine.of(printer.get(), now);
            Map<String, JsonObject> all = MoonrakerObjects.all(machine);
            for (RpcSocket socket : sockets) {
                socket.tick(all, machine.eventtime(), machine.ready());
            }
        }
    }

    /** Closes every socket with 1001 and forgets all counts. */
    public void reset() {
        closeAll(RpcSocket.GOING_AWAY, "The sandbox was reset");
        counters.clear();
    }

    private void closeAll(int code, String reason) {
        for (String printerId : List.copyOf(open.keySet())) {
            Set<RpcSocket> sockets = open.remove(printerId);
            if (sockets != null) {
                sockets.forEach(socket -> socket.close(code, reason));
            }
        }
    }

    private void forget(RpcSocket socket) {
        open.computeIfPresent(socket.printer().id(), (id, sockets) -> {
            sockets.remove(socket);
            return sockets.isEmpty() ? null : sockets;
        });
    }

    private Counters counters(String printerId) {
        return counters.computeIfAbsent(printerId, id -> new Counters());
    }

    private void tickQuietly() {
        try {
            tick();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Moonraker socket tick failed", e);
        }
    }
}
