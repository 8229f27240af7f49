package dev.printfarm.appconnection.impl.relay;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Each connection's circuit breaker, made on its first call, and how many are open: the farm's view without ids. */
final class Breakers {

    private final Clock clock;
    private final Map<String, PrinterBreaker> byConnection = new ConcurrentHashMap<>();

    Breakers(Clock clock) {
        this.clock = clock;
    }

    PrinterBreaker of(String connectionId, int threshold, Duration openFor) {
        return byConnection.computeIfAbsent(connectionId, id -> new PrinterBreaker(threshold, openFor, clock));
    }

    /** The connection's breaker state; {@code CLOSED} when it never made a call. */
    PrinterBreaker.State state(String connectionId) {
        PrinterBreaker breaker = byConnection.get(connectionId);
        return breaker == null ? PrinterBreaker.State.CLOSED : breaker.state();
    }

    /** How many breakers refuse calls now (open, their open time still running). */
    int open() {
        int open = 0;
        for (PrinterBreaker breaker : byConnection.values()) {
            if (breaker.state() == PrinterBreaker.State.OPEN) {
                open++;
            }
        }
        return open;
    }

    void forget(String connectionId) {
        byConnection.remove(connectionId);
    }
}
