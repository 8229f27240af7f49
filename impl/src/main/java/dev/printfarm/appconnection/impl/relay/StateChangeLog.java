package dev.printfarm.appconnection.impl.relay;

import dev.printfarm.appconnection.api.ConnectionState;
import dev.printfarm.appconnection.impl.internal.LogThrottle;
import java.time.Clock;
import java.time.Duration;
import java.util.OptionalLong;
import java.util.logging.Logger;

/**
 * How a connection's state changes reach the log. A change that needs someone to act (revoked, suspended, credentials
 * refused) gets an INFO line every time. Printers coming and going (ONLINE, PRINTER_OFFLINE) get at most one INFO
 * line per state and {@link #INTERVAL}, which counts the changes to that state that had no line of their own since the
 * previous one; those are logged at FINE. Without this, a relay outage of a minute on a farm of 1,000 printers
 * writes two thousand lines. Thread-safe.
 */
final class StateChangeLog {

    static final Duration INTERVAL = Duration.ofMinutes(1);

    private final Logger log;
    private final LogThrottle<ConnectionState> comings;

    StateChangeLog(Logger log, Clock clock) {
        this.log = log;
        this.comings = new LogThrottle<>(clock, INTERVAL);
    }

    void changed(String connectionId, ConnectionState state) {
        String line = "App Connection " + connectionId + " is now " + state;
        if (needsSomeoneToAct(state)) {
            log.info(line);
            return;
        }
        OptionalLong admitted = comings.admit(state);
        if (admitted.isEmpty()) {
            log.fine(line);
            return;
        }
        long unlogged = admitted.getAsLong();
        log.info(
                unlogged == 0
                        ? line
                        : line + " (" + unlogged + " more became " + state
                                + " since the previous such line, each logged at FINE)");
    }

    private static boolean needsSomeoneToAct(ConnectionState state) {
        return state == ConnectionState.REVOKED
                || state == ConnectionState.SUSPENDED
                || state == ConnectionState.INVALID_CREDENTIALS;
    }
}
