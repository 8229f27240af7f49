package dev.printfarm.appconnection.impl.relay;

import dev.printfarm.appconnection.api.AppConnection;
import dev.printfarm.appconnection.api.ConnectionState;
import dev.printfarm.appconnection.api.error.AppConnectionException;
import dev.printfarm.appconnection.api.error.RelayBusyException;
import dev.printfarm.appconnection.api.event.ConnectionRemoved;
import dev.printfarm.appconnection.impl.metrics.ModuleMetrics;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.Supplier;
import org.eclipse.microprofile.faulttolerance.exceptions.BulkheadException;

/**
 * Runs every call to a printer under its per-printer policies ({@link PrinterCalls}: its own breaker, retries, state)
 * and through the server-wide bulkhead ({@link RelayGate#inFlight}). The per-printer state cannot be a Fault Tolerance
 * annotation: FT keeps one breaker per method for all callers, which would let one dead printer stop the farm.
 */
@ApplicationScoped
public class PrinterGuard {

    @Inject
    RelaySettings settings;

    @Inject
    CallOutcomes outcomes;

    @Inject
    ModuleMetrics metrics;

    @Inject
    RelayGate gate;

    private final Breakers breakers = new Breakers(Clock.systemUTC());
    private PrinterCalls calls;

    @PostConstruct
    void start() {
        RelayPolicy policy = RelayPolicy.from(settings);
        calls = new PrinterCalls(
                policy,
                breakers,
                Clock.systemUTC(),
                bound -> ThreadLocalRandom.current().nextLong(bound + 1),
                duration -> Thread.sleep(duration.toMillis()),
                new PrinterCalls.Outcomes() {
                    @Override
                    public Optional<ConnectionState> known(String connectionId) {
                        return outcomes.known(connectionId);
                    }

                    @Override
                    public Optional<Integer> permanentCode(String connectionId) {
                        return outcomes.permanentCode(connectionId);
                    }

                    @Override
                    public void answered(String connectionId, ConnectionState state) {
                        outcomes.answered(connectionId, state);
                    }

                    @Override
                    public void failed(String connectionId, AppConnectionException failure) {
                        outcomes.failed(connectionId, failure);
                    }
                },
                new PrinterCalls.Gate() {
                    @Override
                    public <R> R inFlight(String connectionId, Supplier<R> attempt) {
                        try {
                            return gate.inFlight(attempt);
                        } catch (BulkheadException full) {
                            throw new RelayBusyException(connectionId, policy.maxConcurrent());
                        }
                    }
                });
        metrics.breakersOpen(breakers::open);
    }

    public <R> R call(AppConnection connection, CallKind kind, Supplier<R> attempt) {
        return call(connection, kind, () -> true, attempt);
    }

    /**
     * Like {@link #call(AppConnection, CallKind, Supplier)}; {@code repeatable} is asked before each retry and says
     * whether the request can be sent again at all (an upload whose stream was partly read cannot).
     */
    public <R> R call(AppConnection connection, CallKind kind, BooleanSupplier repeatable, Supplier<R> attempt) {
        return call(connection, kind, repeatable, attempt, result -> ConnectionState.ONLINE);
    }

    /**
     * Like {@link #call(AppConnection, CallKind, BooleanSupplier, Supplier)}; an answer puts the connection in the state
     * {@code stateAfter} derives from it (the Info API can answer 200 for an offline printer).
     */
    public <R> R call(
            AppConnection connection,
            CallKind kind,
            BooleanSupplier repeatable,
            Supplier<R> attempt,
            Function<R, ConnectionState> stateAfter) {
        return calls.call(connection, kind, repeatable, attempt, stateAfter);
    }

    /**
     * Fails, with no traffic, for a connection known to be revoked (603/604) or to have bad credentials (606): the user
     * must connect the printer again.
     */
    public void refuseKnownDead(AppConnection connection) {
        calls.refuseKnownDead(connection);
    }

    void forget(@Observes ConnectionRemoved removed) {
        breakers.forget(removed.connectionId());
    }

    /** The breaker's state for one connection (CLOSED when it never failed). */
    public PrinterBreaker.State breakerState(String connectionId) {
        return breakers.state(connectionId);
    }
}
