package dev.printfarm.appconnection.impl.relay;

import dev.printfarm.appconnection.api.error.AppConnectionException;
import dev.printfarm.appconnection.api.error.OctoEverywhereException;
import dev.printfarm.appconnection.api.error.PrinterOfflineException;
import dev.printfarm.appconnection.api.error.PrinterResponseException;
import dev.printfarm.appconnection.api.error.PrinterUnreachableException;
import dev.printfarm.appconnection.api.error.RelayTimeoutException;
import java.net.ConnectException;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;

/**
 * Which failures a retry can cure. Reads retry on transient unavailability; commands only when the
 * failure proves the request never reached the printer.
 */
public final class RetryRules {

    private RetryRules() {
    }

    public static boolean shouldRetry(AppConnectionException failure, CallKind kind) {
        return kind == CallKind.COMMAND ? neverReachedThePrinter(failure) : transientUnavailability(failure);
    }

    /** A command failure after which nobody knows whether the printer acted on it. */
    public static boolean outcomeUnknown(AppConnectionException failure) {
        return failure instanceof RelayTimeoutException
                || (failure instanceof PrinterUnreachableException && !(rootCause(failure) instanceof ConnectException));
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
            int status = failure.status().orElse(0);
            return status == 502 || status == 503 || status == 504;
        }
        return printerUnavailable(failure);
    }

    private static boolean neverReachedThePrinter(AppConnectionException failure) {
        return failure instanceof PrinterOfflineException
                || (failure instanceof PrinterUnreachableException && rootCause(failure) instanceof ConnectException);
    }

    private static boolean isCode(AppConnectionException failure, int code) {
        return failure.getClass() == OctoEverywhereException.class && failure.status().orElse(0) == code;
    }

    private static Throwable rootCause(Throwable t) {
        Throwable current = t;
        while (current.getCause() != null && current.getCause() != current) {
            current = current.getCause();
        }
        return current;
    }
}
