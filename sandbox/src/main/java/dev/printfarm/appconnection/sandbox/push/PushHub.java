package dev.printfarm.appconnection.sandbox.push;

import dev.printfarm.appconnection.sandbox.printer.EmulatedPrinter;
import dev.printfarm.appconnection.sandbox.printer.OctoPrintState;
import dev.printfarm.appconnection.sandbox.printer.PrinterRegistry;
import dev.printfarm.appconnection.sandbox.webhook.PrintEvent;
import dev.printfarm.appconnection.sandbox.webhook.PrintWatcher;
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
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every printer's open push sockets, and the one timer that feeds all of them: every {@link #TICK} it looks once at
 * each printer that has an open socket, sends {@code event}s for what changed to its authenticated sockets and
 * {@code current} to those that are due one. Printers without a socket cost nothing, however many there are; a
 * printer is watched from its first socket's opening until its last one closes. No thread per socket; a slow client
 * only fills its own outbox. Thread-safe.
 */
@ApplicationScoped
public class PushHub {

    public static final Duration TICK = Duration.ofMillis(100);
    private static final Logger LOG = Logger.getLogger(PushHub.class.getName());

    private static final class Counters {
        final Map<Integer, LongAdder> statuses = new ConcurrentHashMap<>();
        final LongAdder framesSent = new LongAdder();

        void answered(int status) {
            statuses.computeIfAbsent(status, code -> new LongAdder()).increment();
        }
    }

    private final PrinterRegistry printers;
    private final PrintWatcher watcher = new PrintWatcher();
    private final AtomicLong ids = new AtomicLong();
    private final Map<String, Set<PushSocket>> open = new ConcurrentHashMap<>();
    private final Map<String, Counters> counters = new ConcurrentHashMap<>();
    private ScheduledExecutorService timer;

    protected PushHub() {
        this.printers = null;
    }

    @Inject
    public PushHub(PrinterRegistry printers) {
        this.printers = printers;
    }

    void startWithTheApplication(@Observes @Initialized(ApplicationScoped.class) Object applicationStarted) {
        ClassLoader loader = PushHub.class.getClassLoader();
        synchronized (this) {
            if (timer != null) {
                return;
            }
            timer = Executors.newSingleThreadScheduledExecutor(task -> {
                Thread thread = new Thread(task, "sandbox-push");
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
        closeAll(PushSocket.GOING_AWAY, "The sandbox is shutting down");
    }

    /** A socket the relay upgraded: counted as a 101, registered, greeted with {@code connected}. */
    public PushSocket open(EmulatedPrinter printer, PushTransport transport) {
        Counters counts = counters(printer.id());
        counts.answered(101);
        PushSocket socket = new PushSocket(ids.incrementAndGet(), printer, transport, counts.framesSent::increment,
                this::forget);
        open.compute(printer.id(), (id, sockets) -> {
            Set<PushSocket> registered = sockets == null ? ConcurrentHashMap.newKeySet() : sockets;
            registered.add(socket);
            return registered;
        });
        Instant now = printers.now();
        watcher.noteIfUnseen(printer.id(), printer.octoPrintAt(now), now);
        socket.send(PushFrames.connected(printer, printer.controls().octoprintVersion()));
        return socket;
    }

    /** A handshake the relay answered with a 6xx instead of upgrading. */
    public void refused(String printerId, int status) {
        counters(printerId).answered(status);
    }

    /** A message from the client; an invalid {@code auth} closes the socket with 1008 and nothing more is sent. */
    public void received(PushSocket socket, String text) {
        Instant now = printers.now();
        EmulatedPrinter printer = socket.printer();
        PushSocket.Reaction reaction = socket.receive(ClientMessage.parse(text), now,
                () -> PushFrames.history(printer.octoPrintAt(now), printer::octoPrintAt, now));
        if (reaction == PushSocket.Reaction.REJECTED) {
            socket.close(PushSocket.POLICY_VIOLATION, "Invalid auth");
            forget(socket);
        }
    }

    /** The client closed the socket, or the connection broke. */
    public void closed(PushSocket socket) {
        socket.closedByPeer();
        forget(socket);
    }

    /** Closes every open socket of the printer with 1011, as when the relay loses the printer; how many. */
    public int drop(String printerId) {
        Set<PushSocket> sockets = open.remove(printerId);
        if (sockets == null) {
            return 0;
        }
        int dropped = 0;
        for (PushSocket socket : sockets) {
            if (socket.close(PushSocket.UNEXPECTED_CONDITION, "Connection to the printer lost")) {
                dropped++;
            }
        }
        return dropped;
    }

    public PushCounts counts(String printerId) {
        Set<PushSocket> sockets = open.getOrDefault(printerId, Set.of());
        int authenticated = (int) sockets.stream().filter(PushSocket::authenticated).count();
        SortedMap<Integer, Long> statuses = new TreeMap<>();
        Counters counts = counters.get(printerId);
        long framesSent = 0;
        if (counts != null) {
            counts.statuses.forEach((status, count) -> statuses.put(status, count.sum()));
            framesSent = counts.framesSent.sum();
        }
        long handshakes = statuses.values().stream().mapToLong(Long::longValue).sum();
        return new PushCounts(sockets.size(), authenticated, handshakes, statuses, framesSent);
    }

    /**
     * One look at every printer with an open socket: events for what changed since the last look, then
     * {@code current} where due. Printers whose last socket closed are no longer watched.
     */
    public void tick() {
        Instant now = printers.now();
        for (Map.Entry<String, Set<PushSocket>> entry : open.entrySet()) {
            Set<PushSocket> sockets = entry.getValue();
            Optional<EmulatedPrinter> found = printers.find(entry.getKey());
            if (sockets.isEmpty() || found.isEmpty()) {
                continue;
            }
            EmulatedPrinter printer = found.get();
            OctoPrintState state = printer.octoPrintAt(now);
            List<PrintEvent> changes = watcher.observe(printer.id(), state, now);
            List<JsonObject> events = changes.stream()
                    .flatMap(change -> PushEvents.of(change, state.version()).stream())
                    .toList();
            Supplier<JsonObject> current = once(() -> PushFrames.current(state, now));
            for (PushSocket socket : sockets) {
                events.forEach(socket::event);
                socket.tick(now, current);
            }
        }
        watcher.retainOnly(open::containsKey);
    }

    /** How many printers are being watched now. */
    public int watching() {
        return watcher.watching();
    }

    /** Closes every socket with 1001, forgets all counts, and the next look at the printers only takes note. */
    public void reset() {
        closeAll(PushSocket.GOING_AWAY, "The sandbox was reset");
        counters.clear();
        watcher.forget();
    }

    private void closeAll(int code, String reason) {
        for (String printerId : List.copyOf(open.keySet())) {
            Set<PushSocket> sockets = open.remove(printerId);
            if (sockets != null) {
                sockets.forEach(socket -> socket.close(code, reason));
            }
        }
    }

    private void forget(PushSocket socket) {
        open.computeIfPresent(socket.printer().id(), (id, sockets) -> {
            sockets.remove(socket);
            return sockets.isEmpty() ? null : sockets;
        });
    }

    private Counters counters(String printerId) {
        return counters.computeIfAbsent(printerId, id -> new Counters());
    }

    /** Builds the message for the first socket that is due one and hands the same one to the others. */
    private static Supplier<JsonObject> once(Supplier<JsonObject> build) {
        JsonObject[] built = new JsonObject[1];
        return () -> {
            if (built[0] == null) {
                built[0] = build.get();
            }
            return built[0];
        };
    }

    private void tickQuietly() {
        try {
            tick();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Push tick failed", e);
        }
    }
}
