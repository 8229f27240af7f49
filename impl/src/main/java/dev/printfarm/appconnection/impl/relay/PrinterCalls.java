package dev.printfarm.appconnection.impl.relay;

import dev.printfarm.appconnection.api.AppConnection;
import dev.printfarm.appconnection.api.ConnectionState;
import dev.printfarm.appconnection.api.error.AppConnectionException;
import dev.printfarm.appconnection.api.error.CommandOutcomeUnknownException;
import dev.printfarm.appconnection.api.error.ConnectionGoneException;
import dev.printfarm.appconnection.api.error.ErrorDetails;
import dev.printfarm.appconnection.api.error.InvalidCredentialsException;
import dev.printfarm.appconnection.api.error.PrinterCircuitOpenException;
import dev.printfarm.appconnection.api.error.RelayBusyException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.LongUnaryOperator;
import java.util.function.Supplier;

/**
 * The per-printer rules of one call, without a container: no traffic at all for a connection known to be revoked or to
 * have bad credentials; the printer's own breaker; retries with backoff and jitter only where {@link RetryRules}
 * allows, never past the policy's total duration; the connection's state kept current. The clock, the random source
 * and the sleep are given, so that the rules are tested in milliseconds. Thread-safe.
 */
final class PrinterCalls {

    /** What the calls learn about connections, and what is known already. */
    interface Outcomes {
        Optional<ConnectionState> known(String connectionId);

        Optional<Integer> permanentCode(String connectionId);

        void answered(String connectionId, ConnectionState state);

        void failed(String connectionId, AppConnectionException failure);
    }

    /** The server-wide limit on attempts in flight: runs the attempt, or refuses it at once when full. */
    interface Gate {
        <R> R inFlight(String connectionId, Supplier<R> attempt);
    }

    /** Waits between attempts; interruptible. */
    interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    private final RelayPolicy policy;
    private final Breakers breakers;
    private final Clock clock;
    private final LongUnaryOperator random;
    private final Sleeper sleeper;
    private final Outcomes outcomes;
    private final Gate gate;

    /** @param random given a bound n, a random number in [0, n]: the jitter of the backoff */
    PrinterCalls(
            RelayPolicy policy,
            Breakers breakers,
            Clock clock,
            LongUnaryOperator random,
            Sleeper sleeper,
            Outcomes outcomes,
            Gate gate) {
        this.policy = policy;
        this.breakers = breakers;
        this.clock = clock;
        this.random = random;
        this.sleeper = sleeper;
        this.outcomes = outcomes;
        this.gate = gate;
    }

    RelayPolicy policy() {
        return policy;
    }

    /**
     * One call: {@code attempt} is run until it succeeds or the rules stop it; {@code repeatable} is asked before each
     * retry (an upload whose stream was partly read cannot be sent again); an answer puts the connection in the state
     * {@code stateAfter} derives from it.
     */
    <R> R call(
            AppConnection connection,
            CallKind kind,
            BooleanSupplier repeatable,
            Supplier<R> attempt,
            Function<R, ConnectionState> stateAfter) {
        String id = connection.id();
        refuseKnownDead(connection);
        PrinterBreaker breaker = breakers.of(id, policy.breakerThreshold(), policy.breakerOpenFor());
        Instant deadline = clock.instant().plus(policy.maxRetryDuration());
        boolean emergency = kind == CallKind.EMERGENCY;
        for (int attemptNo = 1; ; attemptNo++) {
            AppConnectionException failure;
            try {
                Supplier<R> guarded = () -> once(id, breaker, emergency, attempt);
                R result = emergency ? guarded.get() : gate.inFlight(id, guarded);
                outcomes.answered(id, stateAfter.apply(result));
                return result;
            } catch (AppConnectionException e) {
                failure = e;
            }
            if (refusedUnsent(failure)) {
                // Refused before anything was sent: nothing learned about the printer, nothing to retry now.
                throw failure;
            }
            if (RetryRules.printerUnavailable(failure)) {
                breaker.failed();
            } else {
                breaker.answered();
            }
            outcomes.failed(id, failure);
            boolean retry = attemptNo < policy.maxAttempts()
                    && RetryRules.shouldRetry(failure, kind)
                    && repeatable.getAsBoolean();
            Duration wait = retry ? policy.backoff().delay(attemptNo, random) : Duration.ZERO;
            if (!retry || clock.instant().plus(wait).isAfter(deadline)) {
                throw kind != CallKind.READ && RetryRules.outcomeUnknown(failure)
                        ? new CommandOutcomeUnknownException(id, failure)
                        : failure;
            }
            try {
                sleeper.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw failure;
            }
        }
    }

    /** One attempt past the breaker (asked with a slot in hand, so a half-open breaker's probe is really sent). */
    private <R> R once(String id, PrinterBreaker breaker, boolean emergency, Supplier<R> attempt) {
        PrinterBreaker.Admission admission = emergency ? PrinterBreaker.Admission.PASS : breaker.admit();
        Optional<Instant> refused = admission.refusedUntil();
        if (refused.isPresent()) {
            throw new PrinterCircuitOpenException(id, refused.get(), Duration.between(clock.instant(), refused.get()));
        }
        try {
            R result = attempt.get();
            if (emergency) {
                breaker.answeredPastTheBreaker();
            } else {
                breaker.succeeded();
            }
            return result;
        } catch (AppConnectionException e) {
            if (refusedUnsent(e)) {
                // Not reported to the breaker by call(): a probe this attempt held is handed back.
                breaker.notSent(admission.probe());
            }
            throw e;
        } catch (RuntimeException unexpected) {
            breaker.answered();
            throw unexpected;
        } catch (Error e) {
            breaker.notSent(admission.probe());
            throw e;
        }
    }

    /**
     * Refused before anything was sent to the printer: by its breaker, by the full server-wide bulkhead, or by the
     * relay's own breaker (also when a call nested in the attempt was refused so).
     */
    private static boolean refusedUnsent(AppConnectionException failure) {
        return failure instanceof PrinterCircuitOpenException
                || failure instanceof RelayBusyException
                || RetryRules.relayPaused(failure);
    }

    /**
     * Fails, with no traffic, for a connection known to be revoked or to have bad credentials: learned here, or read
     * from its row, where another server or application sharing the store wrote it. This server's newer knowledge
     * of a live connection does not hide a dead row: a dead connection never comes back.
     */
    void refuseKnownDead(AppConnection connection) {
        String id = connection.id();
        ConnectionState learnedHere = outcomes.known(id).orElse(connection.state());
        ConnectionState state = dead(learnedHere) || !dead(connection.state()) ? learnedHere : connection.state();
        // Nothing is sent, so nothing answers: the exceptions carry no code (the message tells the earlier one).
        if (state == ConnectionState.REVOKED) {
            String earlier = outcomes.permanentCode(id)
                    .filter(c -> c == 603 || c == 604)
                    .map(c -> " (" + c + ")")
                    .orElse("");
            throw new ConnectionGoneException(
                    "App Connection " + id + " is no longer valid (known from an earlier" + " answer" + earlier
                            + "); nothing was sent; the user must connect the printer again",
                    id,
                    ErrorDetails.none());
        }
        if (state == ConnectionState.INVALID_CREDENTIALS) {
            throw new InvalidCredentialsException(
                    "OctoEverywhere rejected this connection's credentials earlier (606);"
                            + " nothing was sent; the user must connect the printer again",
                    id,
                    ErrorDetails.none());
        }
    }

    private static boolean dead(ConnectionState state) {
        return state == ConnectionState.REVOKED || state == ConnectionState.INVALID_CREDENTIALS;
    }
}
