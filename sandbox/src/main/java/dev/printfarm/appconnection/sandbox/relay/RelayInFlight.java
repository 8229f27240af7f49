package dev.printfarm.appconnection.sandbox.relay;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts the relayed HTTP requests being handled, from arrival until their answer is over, overall and per printer,
 * and the most there have been at once. Each request holds a {@link Ticket} whose {@link Ticket#close()} counts it
 * out exactly once, however often it is called. Lock-free and thread-safe.
 */
@ApplicationScoped
public class RelayInFlight {

    /** One request being handled; closing it (the first time) counts it out. */
    public final class Ticket implements AutoCloseable {

        private final Optional<AtomicLong> printer;
        private final AtomicBoolean closed = new AtomicBoolean();

        private Ticket(Optional<AtomicLong> printer) {
            this.printer = printer;
        }

        @Override
        public void close() {
            if (closed.compareAndSet(false, true)) {
                printer.ifPresent(AtomicLong::decrementAndGet);
                overall.updateAndGet(state -> state(inFlightOf(state) - 1, peakOf(state)));
            }
        }

        public boolean isClosed() {
            return closed.get();
        }
    }

    private static final long LOW_32_BITS = 0xFFFF_FFFFL;

    /**
     * In flight in the low 32 bits, the peak in the high ones: one compare-and-set changes both, so a peak reset racing
     * an arrival can never leave the peak below what is in flight.
     */
    private final AtomicLong overall = new AtomicLong();

    private final Map<String, AtomicLong> byPrinter = new ConcurrentHashMap<>();

    /** A request arrived; {@code printerId} is the printer its connection leads to, when the connection is known. */
    public Ticket arrive(Optional<String> printerId) {
        Optional<AtomicLong> printer = printerId.map(id -> byPrinter.computeIfAbsent(id, key -> new AtomicLong()));
        printer.ifPresent(AtomicLong::incrementAndGet);
        overall.updateAndGet(state -> {
            long inFlight = inFlightOf(state) + 1;
            return state(inFlight, Math.max(peakOf(state), inFlight));
        });
        return new Ticket(printer);
    }

    public InFlightCounts counts() {
        long state = overall.get();
        return new InFlightCounts(inFlightOf(state), peakOf(state), printersInFlight());
    }

    /** Sets the peak to what is in flight now; answers the counts just after. */
    public InFlightCounts resetPeak() {
        long state = overall.updateAndGet(before -> state(inFlightOf(before), inFlightOf(before)));
        return new InFlightCounts(inFlightOf(state), peakOf(state), printersInFlight());
    }

    private SortedMap<String, Long> printersInFlight() {
        SortedMap<String, Long> printers = new TreeMap<>();
        byPrinter.forEach((printerId, count) -> {
            long n = count.get();
            if (n > 0) {
                printers.put(printerId, n);
            }
        });
        return printers;
    }

    private static long inFlightOf(long state) {
        return state & LOW_32_BITS;
    }

    private static long peakOf(long state) {
        return state >>> 32;
    }

    private static long state(long inFlight, long peak) {
        return peak << 32 | inFlight;
    }
}
