package dev.printfarm.appconnection.sandbox.push;

import dev.printfarm.appconnection.sandbox.printer.EmulatedPrinter;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The bookkeeping every kind of printer socket shares (OctoPrint's push sockets, Moonraker's JSON-RPC sockets): the
 * open sockets by printer, the handshakes counted by answered status, the frames sent, and the one timer thread
 * that ticks them. What a tick sends is the owner's. Thread-safe.
 *
 * @param <S> the sockets' type
 */
public final class SocketHub<S extends HubSocket> {

    /** Makes a socket with the hub's id, frame counter and "a send failed" callback. */
    public interface Maker<S> {
        S make(long id, Runnable frameSent, Consumer<HubSocket> broken);
    }

    /** One printer's counts: sockets open now, handshakes by answered status, frames that reached the wire. */
    public record Counts(int open, long handshakes, SortedMap<Integer, Long> statuses, long framesSent) {}

    private static final class Counters {
        final Map<Integer, LongAdder> statuses = new ConcurrentHashMap<>();
        final LongAdder framesSent = new LongAdder();

        void answered(int status) {
            statuses.computeIfAbsent(status, code -> new LongAdder()).increment();
        }
    }

    private final String threadName;
    private final Logger log;
    private final AtomicLong ids = new AtomicLong();
    private final Map<String, Set<S>> open = new ConcurrentHashMap<>();
    private final Map<String, Counters> counters = new ConcurrentHashMap<>();
    private ScheduledExecutorService timer;

    public SocketHub(String threadName, Logger log) {
        this.threadName = threadName;
        this.log = log;
    }

    /** Starts the timer (once): {@code tick} every {@code period}, a failed tick logged and the next one run. */
    public void start(Duration period, Runnable tick) {
        ClassLoader loader = SocketHub.class.getClassLoader();
        synchronized (this) {
            if (timer != null) {
                return;
            }
            timer = Executors.newSingleThreadScheduledExecutor(task -> {
                Thread thread = new Thread(task, threadName);
                thread.setDaemon(true);
                thread.setContextClassLoader(loader);
                return thread;
            });
        }
        timer.scheduleWithFixedDelay(
                () -> {
                    try {
                        tick.run();
                    } catch (RuntimeException e) {
                        log.log(Level.WARNING, threadName + " tick failed", e);
                    }
                },
                period.toMillis(),
                period.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /** Stops the timer and closes every socket with 1001. */
    public void stop() {
        synchronized (this) {
            if (timer != null) {
                timer.shutdownNow();
            }
        }
        closeAll(HubSocket.GOING_AWAY, "The sandbox is shutting down");
    }

    /** A socket the relay upgraded: counted as a 101 and registered. */
    public S open(EmulatedPrinter printer, Maker<S> maker) {
        Counters counts = counters(printer.id());
        counts.answered(101);
        S socket = maker.make(ids.incrementAndGet(), counts.framesSent::increment, this::forget);
        open.compute(printer.id(), (id, sockets) -> {
            Set<S> registered = sockets == null ? ConcurrentHashMap.newKeySet() : sockets;
            registered.add(socket);
            return registered;
        });
        return socket;
    }

    /** A handshake the relay answered with an error instead of upgrading. */
    public void refused(String printerId, int status) {
        counters(printerId).answered(status);
    }

    /** The client closed the socket, or the connection broke. */
    public void closed(S socket) {
        socket.closedByPeer();
        forget(socket);
    }

    /** No longer one of the printer's open sockets. */
    public void forget(HubSocket socket) {
        open.computeIfPresent(socket.printer().id(), (id, sockets) -> {
            sockets.remove(socket);
            return sockets.isEmpty() ? null : sockets;
        });
    }

    /** Closes every open socket of the printer with 1011, as when the relay loses the printer; how many. */
    public int drop(String printerId) {
        Set<S> sockets = open.remove(printerId);
        if (sockets == null) {
            return 0;
        }
        int dropped = 0;
        for (S socket : sockets) {
            if (socket.close(HubSocket.UNEXPECTED_CONDITION, "Connection to the printer lost")) {
                dropped++;
            }
        }
        return dropped;
    }

    /** The printer's open sockets now (empty when none). */
    public Set<S> sockets(String printerId) {
        return open.getOrDefault(printerId, Set.of());
    }

    /** Every printer with an open socket, and its sockets. */
    public Map<String, Set<S>> byPrinter() {
        return open;
    }

    public Counts counts(String printerId) {
        SortedMap<Integer, Long> statuses = new TreeMap<>();
        Counters counts = counters.get(printerId);
        long framesSent = 0;
        if (counts != null) {
            counts.statuses.forEach((status, count) -> statuses.put(status, count.sum()));
            framesSent = counts.framesSent.sum();
        }
        long handshakes = statuses.values().stream().mapToLong(Long::longValue).sum();
        return new Counts(sockets(printerId).size(), handshakes, statuses, framesSent);
    }

    /** Closes every socket with 1001 and forgets all counts. */
    public void reset() {
        closeAll(HubSocket.GOING_AWAY, "The sandbox was reset");
        counters.clear();
    }

    private void closeAll(int code, String reason) {
        for (String printerId : List.copyOf(open.keySet())) {
            Set<S> sockets = open.remove(printerId);
            if (sockets != null) {
                sockets.forEach(socket -> socket.close(code, reason));
            }
        }
    }

    private Counters counters(String printerId) {
        return counters.computeIfAbsent(printerId, id -> new Counters());
    }
}
