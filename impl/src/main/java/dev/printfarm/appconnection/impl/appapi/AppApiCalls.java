package dev.printfarm.appconnection.impl.appapi;

import dev.printfarm.appconnection.api.error.AppApiResponseException;
import dev.printfarm.appconnection.api.error.AppConnectionException;
import dev.printfarm.appconnection.api.error.OctoEverywhereException;
import dev.printfarm.appconnection.api.error.PrinterUnreachableException;
import dev.printfarm.appconnection.api.error.UnreadableAnswerException;
import dev.printfarm.appconnection.impl.config.ServiceSettings;
import dev.printfarm.appconnection.impl.route.HttpTransport;
import dev.printfarm.appconnection.impl.route.RestClients;
import dev.printfarm.appconnection.impl.route.Target;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ProcessingException;
import java.net.ConnectException;
import java.time.temporal.ChronoUnit;
import java.util.function.Function;
import org.eclipse.microprofile.faulttolerance.Bulkhead;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;

/**
 * OctoEverywhere's App APIs (Info, Live Links, Gadget, webhooks) as one service under MicroProfile Fault Tolerance: its
 * shared state is exactly right here, one service for every connection. Every call passes {@link #call}, so the
 * service has one timeout, one retry policy, one breaker and one bulkhead, each overridable the standard way
 * ({@code dev.printfarm.appconnection.impl.appapi.AppApiCalls/call/Retry/maxRetries}, ...). Only the service's own
 * unavailability counts ({@link Unavailable}: no answer, 5xx, 600, an unreadable answer); an answer about the
 * connection (603/604/605, 601) is passed on untouched, retried by nobody, and never touches a printer's breaker.
 */
@ApplicationScoped
public class AppApiCalls {

    @Inject
    RestClients restClients;

    @Inject
    ServiceSettings service;

    /**
     * One call of the App API for a connection. Retried (twice, after 200–400 ms) only when OctoEverywhere did not
     * answer usefully and the request may be sent again ({@code repeatable}, or it provably never left); the breaker
     * opens when half of ten calls in a row found the service unavailable, and lets one through after 30 s; at most 16
     * calls at once; an attempt that takes over 30 s is given up.
     */
    @Timeout(value = 30, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 200, jitter = 100, maxDuration = 20_000, retryOn = Unavailable.class)
    @CircuitBreaker(
            requestVolumeThreshold = 10,
            failureRatio = 0.5,
            delay = 30_000,
            successThreshold = 2,
            failOn = {Unavailable.class, UnavailableAfterSending.class})
    @Bulkhead(16)
    public <R> R call(String connectionId, boolean repeatable, Function<AppApi, R> request) {
        Target target = Target.appApi(connectionId, service.serviceUrl());
        try {
            return restClients.call(target, AppApi.class, request);
        } catch (ProcessingException e) {
            for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
                if (t instanceof AppConnectionException answered) {
                    throw classified(answered, repeatable);
                }
            }
            throw classified(HttpTransport.unreachable(target, e.getCause() == null ? e : e.getCause()), repeatable);
        } catch (AppConnectionException e) {
            throw classified(e, repeatable);
        }
    }

    /** The service's own unavailability is wrapped for Fault Tolerance; anything else is passed on as it is. */
    private static RuntimeException classified(AppConnectionException failure, boolean repeatable) {
        if (!serviceUnavailable(failure)) {
            return failure;
        }
        return repeatable || neverSent(failure) ? new Unavailable(failure) : new UnavailableAfterSending(failure);
    }

    static boolean serviceUnavailable(AppConnectionException failure) {
        if (failure instanceof PrinterUnreachableException || failure instanceof UnreadableAnswerException) {
            return true;
        }
        if (failure instanceof AppApiResponseException own) {
            return own.httpStatus() >= 500 && own.httpStatus() <= 599;
        }
        return failure.getClass() == OctoEverywhereException.class
                && failure.octoEverywhereCode().orElse(0) == 600;
    }

    private static boolean neverSent(AppConnectionException failure) {
        for (Throwable t = failure.getCause(); t != null && t != t.getCause(); t = t.getCause()) {
            if (t instanceof ConnectException) {
                return true;
            }
        }
        return false;
    }

    /** OctoEverywhere's App API did not answer usefully; sending the request again may help. */
    public static final class Unavailable extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Unavailable(AppConnectionException failure) {
            super(failure.getMessage(), failure);
        }

        /** What the module reports to its callers. */
        public AppConnectionException failure() {
            return (AppConnectionException) getCause();
        }
    }

    /** Like {@link Unavailable}, for a request that may have been acted on: never sent again. */
    public static final class UnavailableAfterSending extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UnavailableAfterSending(AppConnectionException failure) {
            super(failure.getMessage(), failure);
        }

        public AppConnectionException failure() {
            return (AppConnectionException) getCause();
        }
    }
}
