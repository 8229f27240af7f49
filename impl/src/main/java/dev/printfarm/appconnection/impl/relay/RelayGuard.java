package dev.printfarm.appconnection.impl.relay;

import dev.printfarm.appconnection.api.AppConnection;
import dev.printfarm.appconnection.api.AppConnectionException;
import dev.printfarm.appconnection.api.CommandOutcomeUnknownException;
import dev.printfarm.appconnection.api.ConnectionGoneException;
import dev.printfarm.appconnection.api.ConnectionRemoved;
import dev.printfarm.appconnection.api.ConnectionState;
import dev.printfarm.appconnection.api.InvalidCredentialsException;
import dev.printfarm.appconnection.api.PrinterCircuitOpenException;
import dev.printfarm.appconnection.api.RelayBusyException;
import dev.printfarm.appconnection.impl.internal.ModuleConfig;
import dev.printfarm.appconnection.impl.metrics.ModuleMetrics;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/**
 * Runs every relayed call under the per-printer policies: no traffic at all for a connection known to be
 * revoked or to have bad credentials; a circuit breaker per connection (MicroProfile Fault Tolerance keeps
 * one breaker per method for all printers, which would let one dead printer stop the farm); retries with
 * backoff and jitter only where {@link RetryRules} allows; the connection's state kept current.
 */
@ApplicationScoped
public class RelayGuard {

    @Inject
    ModuleConfig config;

    @Inject
    CallOutcomes outcomes;

    @Inject
    ModuleMetrics metrics;

    private final Clock clock = Clock.systemUTC();
    private final Breakers breakers = new Breakers(clock);
    private volatile Settings settings;

    /** One gauge for the farm, never one per connection: ids stay out of the metrics. */
    @PostConstruct
    void registerGauge() {
        metrics.breakersOpen(breakers::open);
    }

    /** The policy and the bulkhead sized by it, made once on first use. */
    private record Settings(RelayPolicy policy, Semaphore inFlight) {
    }

    public <R> R call(AppConnection connection, CallKind kind, Supplier<R> attempt) {
        return call(connection, kind, () -> true, attempt);
    }

    /**
     * Like {@link #call(AppConnection, CallKind, Supplier)}; {@code repeatable} is asked before each retry and
     * says whether the request can be sent again at all (an upload whose stream was partly read cannot).
     */
    public <R> R call(AppConnection connection, CallKind kind, java.util.function.BooleanSupplier repeatable,
                      Supplier<R> attempt) {
        return call(connection, kind, repeatable, attempt, result -> ConnectionState.ONLINE);
    }

    /**
     * Like {@link #call(AppConnection, CallKind, java.util.function.BooleanSupplier, Supplier)}; an answer puts the
     * connection in the state {@code stateAfter} derives from it (the Info API can answer 200 for an offline printer).
     */
    public <R> R call(AppConnection connection, CallKind kind, java.util.function.BooleanSupplier repeatable,
                      Supplier<R> attempt, java.util.function.Function<R, ConnectionState> stateAfter) {
        String id = connection.id();
        refuseKnownDead(connection);
        Settings current = settings();
        RelayPolicy policy = current.policy();
        Semaphore permits = current.inFlight();
        CircuitBreaker breaker = breakers.of(id, policy.breakerThreshold(), policy.breakerOpenFor());
        Instant deadline = clock.instant().plus(policy.maxRetryDuration());
        boolean emergency = kind == CallKind.EMERGENCY;
        for (int attemptNo = 1; ; attemptNo++) {
            boolean held = permits.tryAcquire();
            if (!held && !emergency) {
                throw new RelayBusyException(id, policy.maxConcurrent());
            }
            AppConnectionException failure;
            Duration wait;
            try {
                // Asked only with a permit in hand, so a half-open breaker's probe is always really sent.
                Optional<Instant> refused = emergency ? Optional.empty() : breaker.refusal();
                if (refused.isPresent()) {
                    throw new PrinterCircuitOpenException(id, refused.get());
                }
                try {
                    R result = attempt.get();
                    if (emergency) {
                        breaker.answeredPastTheBreaker();
                    } else {
                        breaker.succeeded();
                    }
                    outcomes.answered(id, stateAfter.apply(result));
                    return result;
                } catch (AppConnectionException e) {
                    failure = e;
                } catch (RuntimeException unexpected) {
                    breaker.answered();
                    throw unexpected;
                }
            } finally {
                if (held) {
                    permits.release();
                }
            }
            if (RetryRules.printerUnavailable(failure)) {
                breaker.failed();
            } else {
                breaker.answered();
            }
            outcomes.failed(id, failure);
            boolean retry = attemptNo < policy.maxAttempts() && RetryRules.shouldRetry(failure, kind)
                    && repeatable.getAsBoolean();
            wait = retry ? policy.backoff().delay(attemptNo, bound -> ThreadLocalRandom.current().nextLong(bound + 1)) : Duration.ZERO;
            if (!retry || clock.instant().plus(wait).isAfter(deadline)) {
                throw kind != CallKind.READ && RetryRules.outcomeUnknown(failure)
                        ? new CommandOutcomeUnknownException(id, failure) : failure;
            }
            pause(wait, failure);
        }
    }

    /**
     * Read once: the hot path does not parse configuration, and the global bulkhead (a permit per attempt
     * in flight, taken without waiting; backoff pauses hold none) keeps the size it was made with.
     */
    private Settings settings() {
        Settings current = settings;
        if (current == null) {
            synchronized (this) {
                if (settings == null) {
                    RelayPolicy policy = RelayPolicy.from(config);
                    settings = new Settings(policy, new Semaphore(policy.maxConcurrent()));
                }
                current = settings;
            }
        }
        return current;
    }

    void forget(@Observes ConnectionRemoved removed) {
        breakers.forget(removed.connectionId());
    }

    /** The breaker's state for one connection (CLOSED when it never failed). */
    public CircuitBreaker.State breakerState(String connectionId) {
        return breakers.state(connectionId);
    }

    private void refuseKnownDead(AppConnection connection) {
        String id = connection.id();
        ConnectionState state = outcomes.known(id).orElse(connection.state());
        if (state == ConnectionState.REVOKED) {
            int code = outcomes.permanentCode(id).filter(c -> c == 603 || c == 604).orElse(604);
            throw new ConnectionGoneException(code + ": App Connection " + id
                    + " is no longer valid (known from an earlier answer); the user must connect the printer again",
                    id, code);
        }
        if (state == ConnectionState.INVALID_CREDENTIALS) {
            throw new InvalidCredentialsException("606: OctoEverywhere rejected this connection's credentials earlier;"
                    + " the user must connect the printer again", id);
        }
    }

    private static void pause(Duration wait, AppConnectionException failure) {
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failure;
        }
    }
}
