package dev.printfarm.appconnection.impl.relay;

import dev.printfarm.appconnection.api.error.AppConnectionException;
import dev.printfarm.appconnection.api.error.OctoEverywhereException;
import dev.printfarm.appconnection.api.error.PrinterOfflineException;
import dev.printfarm.appconnection.api.error.PrinterResponseException;
import dev.printfarm.appconnection.api.error.PrinterUnreachableException;
import dev.printfarm.appconnection.api.error.RelayTimeoutException;
import dev.printfarm.appconnection.api.error.UnreadableAnswerException;
import java.net.ConnectException;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;

/**
 * Which failures a retry can cure, read from their types and fields (never from a status that means two things).
 * Reads retry on transient unavailability (600, 601, 602, no answer, the printer's 502–504, an unreadable answer);
 * commands only when the failure proves the request never reached the printer.
 */
public final class RetryRules {

    private RetryRules() {}

    public static boolean shouldRetry(AppConnectionException failure, CallKind kind) {
        return kind == CallKind.COMMAND ? neverReachedThePrinter(failure) : transientUnavailability(failure);
    }

    /** A command failure after which nobody knows whether the printer acted on it. */
    public static boolean outcomeUnknown(AppConnectionException failure) {
        return failure instanceof RelayTimeoutException
                || (failure instanceof PrinterUnreachableException
                        && !(rootCause(failure) instanceof ConnectException));
    }

    /** The failures that count against a printer's circuit breaker: it did not answer at all. */
    public static boolean printerUnavailable(AppConnectionException failure) {
        return failure instanceof PrinterOfflineException
                || failure instanceof RelayTimeoutException
                || failure instanceof PrinterUnreachableException
                || isCode(failure, 600);
    }

    /**
     * The relay as a whole is paused: its breaker ({@link RelayGate}) refused the attempt before it was sent, so the
     * failure says nothing about this printer.
     */
    public static boolean relayPaused(AppConnectionException failure) {
        for (Throwable t = failure.getCause(); t != null && t != t.getCause(); t = t.getCause()) {
            if (t instanceof CircuitBreakerOpenException) {
                return true;
            }
        }
        return false;
    }

    private static boolean transientUnavailability(AppConnectionException failure) {
        if (failure instanceof PrinterResponseException) {
            int status = failure.printerStatus().orElse(0);
            return status == 502 || status == 503 || status == 504;
        }
        // The printer (or a proxy before it) answered garbage: a read may get a proper answer next time. An answer over
        // the cap would only be over it again.
        return (failure instanceof UnreadableAnswerException && failure.isTemporary()) || printerUnavailable(failure);
    }

    private static boolean neverReachedThePrinter(AppConnectionException failure) {
        return failure instanceof PrinterOfflineException
                || (failure instanceof PrinterUnreachableException && rootCause(failure) instanceof ConnectException);
    }

    private static boolean isCode(AppConnectionException failure, int code) {
        return failure.getClass() == OctoEverywhereException.class
                && failure.octoEverywhereCode().orElse(0) == code;
    }

    private static Throwable rootCause(Throwable t) {
        Throwable current = t;
        while (current.getCause() != null && current.getCause() != current) {
            current = current.getCause();
        }
        return current;
    }
}
