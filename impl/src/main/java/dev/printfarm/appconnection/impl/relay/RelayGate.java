package dev.printfarm.appconnection.impl.relay;

import dev.printfarm.appconnection.api.error.PrinterUnreachableException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.function.Supplier;
import org.eclipse.microprofile.faulttolerance.Bulkhead;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;

/**
 * The policies of the relay as a whole, carried by MicroProfile Fault Tolerance: their state is naturally one for the
 * server (FT keeps a bulkhead's and a breaker's state per method, shared by every caller), unlike a printer's breaker,
 * which is keyed by connection ({@link PrinterBreaker}). Their parameters are overridable the standard way, e.g.
 * {@code dev.printfarm.appconnection.impl.relay.RelayGate/inFlight/Bulkhead/value}; the module maps
 * {@code appconnection.relay.max-concurrent} onto the bulkhead (META-INF/microprofile-config.properties).
 */
@ApplicationScoped
public class RelayGate {

    /**
     * Every attempt of a call to a printer, all printers together: at most {@code appconnection.relay.max-concurrent}
     * at once. A semaphore bulkhead on a synchronous method refuses at once when full (FT's
     * {@code BulkheadException}): nothing queues, so slow printers cannot tie up the server's threads.
     */
    @Bulkhead(200)
    public <R> R inFlight(Supplier<R> attempt) {
        return attempt.get();
    }

    /**
     * Every send on the relay route. One breaker for the relay as a whole, fed only by failures to reach the relay at
     * all ({@link PrinterUnreachableException}: no connection, or no status line); a printer's own answers, 6xx
     * included, pass through uncounted as failures. When most sends of a window fail this way the relay is down for
     * everyone: sends then fail at once (FT's {@code CircuitBreakerOpenException}) until a probe gets through, instead
     * of each printer's breaker learning the outage on its own.
     */
    @CircuitBreaker(
            requestVolumeThreshold = 20,
            failureRatio = 0.8,
            delay = 10_000,
            successThreshold = 2,
            failOn = PrinterUnreachableException.class)
    public <R> R relayed(Supplier<R> send) {
        return send.get();
    }
}
