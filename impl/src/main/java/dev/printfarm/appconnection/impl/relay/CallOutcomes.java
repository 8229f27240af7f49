package dev.printfarm.appconnection.impl.relay;

import dev.printfarm.appconnection.api.ConnectionState;
import dev.printfarm.appconnection.api.error.AppConnectionException;
import dev.printfarm.appconnection.api.error.ConnectionGoneException;
import dev.printfarm.appconnection.api.error.ConnectionSuspendedException;
import dev.printfarm.appconnection.api.error.InvalidCredentialsException;
import dev.printfarm.appconnection.api.error.PrinterOfflineException;
import dev.printfarm.appconnection.api.error.PrinterResponseException;
import dev.printfarm.appconnection.api.error.RelayTimeoutException;
import dev.printfarm.appconnection.api.error.UnreadableAnswerException;
import dev.printfarm.appconnection.api.event.ConnectionRemoved;
import dev.printfarm.appconnection.impl.store.ConnectionStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

/** Keeps each connection's state in step with what its calls learn. */
@ApplicationScoped
public class CallOutcomes {

    private static final Logger LOG = Logger.getLogger(CallOutcomes.class.getName());

    @Inject
    ConnectionStore store;

    /** What this server learned last, so a connection known to be dead costs no database read or traffic. */
    private final Map<String, ConnectionState> known = new ConcurrentHashMap<>();

    private final Map<String, Integer> lastPermanentCode = new ConcurrentHashMap<>();

    private final StateChangeLog changes = new StateChangeLog(LOG, Clock.systemUTC());

    public void succeeded(String connectionId) {
        record(connectionId, ConnectionState.ONLINE);
    }

    /** A call was answered, and the answer says the connection is in {@code state}. */
    public void answered(String connectionId, ConnectionState state) {
        record(connectionId, state);
    }

    public void failed(String connectionId, AppConnectionException failure) {
        stateAfter(failure).ifPresent(state -> {
            if (state == ConnectionState.REVOKED || state == ConnectionState.INVALID_CREDENTIALS) {
                failure.octoEverywhereCode().ifPresent(code -> lastPermanentCode.put(connectionId, code));
            }
            record(connectionId, state);
        });
    }

    /** What a failure teaches about the connection itself, if anything. */
    public static Optional<ConnectionState> stateAfter(AppConnectionException failure) {
        if (failure instanceof PrinterOfflineException || failure instanceof RelayTimeoutException) {
            return Optional.of(ConnectionState.PRINTER_OFFLINE);
        }
        if (failure instanceof ConnectionGoneException) {
            return Optional.of(ConnectionState.REVOKED);
        }
        if (failure instanceof ConnectionSuspendedException) {
            return Optional.of(ConnectionState.SUSPENDED);
        }
        if (failure instanceof InvalidCredentialsException) {
            return Optional.of(ConnectionState.INVALID_CREDENTIALS);
        }
        if (failure instanceof PrinterResponseException
                || (failure instanceof UnreadableAnswerException
                        && failure.printerStatus().isPresent())) {
            // OctoEverywhere relayed the printer's answer, so the connection itself works.
            return Optional.of(ConnectionState.ONLINE);
        }
        return Optional.empty();
    }

    void forget(@Observes ConnectionRemoved removed) {
        known.remove(removed.connectionId());
        lastPermanentCode.remove(removed.connectionId());
    }

    public Optional<ConnectionState> known(String connectionId) {
        return Optional.ofNullable(known.get(connectionId));
    }

    /** The 6xx code that made the connection permanently unusable, when this server saw it. */
    public Optional<Integer> permanentCode(String connectionId) {
        return Optional.ofNullable(lastPermanentCode.get(connectionId));
    }

    private void record(String connectionId, ConnectionState state) {
        ConnectionState previous = known.put(connectionId, state);
        if (previous == state) {
            return;
        }
        if (store.markState(connectionId, state)) {
            changes.changed(connectionId, state);
        }
    }
}
