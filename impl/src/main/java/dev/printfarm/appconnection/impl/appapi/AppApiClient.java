package dev.printfarm.appconnection.impl.appapi;

import dev.printfarm.appconnection.api.AppConnection;
import dev.printfarm.appconnection.api.ConnectionState;
import dev.printfarm.appconnection.api.appapi.GadgetStatus;
import dev.printfarm.appconnection.api.appapi.LiveLink;
import dev.printfarm.appconnection.api.appapi.LiveLinkOptions;
import dev.printfarm.appconnection.api.appapi.PrinterInfo;
import dev.printfarm.appconnection.api.appapi.TransferLimits;
import dev.printfarm.appconnection.api.appapi.WebhookTest;
import dev.printfarm.appconnection.api.error.AppConnectionException;
import dev.printfarm.appconnection.api.error.CommandOutcomeUnknownException;
import dev.printfarm.appconnection.api.error.ConnectionGoneException;
import dev.printfarm.appconnection.api.error.InvalidCredentialsException;
import dev.printfarm.appconnection.api.error.PrinterUnreachableException;
import dev.printfarm.appconnection.api.error.RelayBusyException;
import dev.printfarm.appconnection.api.error.UnknownConnectionException;
import dev.printfarm.appconnection.api.event.ConnectionRemoved;
import dev.printfarm.appconnection.impl.error.ErrorMapper;
import dev.printfarm.appconnection.impl.error.Side;
import dev.printfarm.appconnection.impl.relay.CallKind;
import dev.printfarm.appconnection.impl.relay.CallOutcomes;
import dev.printfarm.appconnection.impl.relay.PrinterGuard;
import dev.printfarm.appconnection.impl.store.ConnectionSecrets;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.eclipse.microprofile.faulttolerance.Fallback;
import org.eclipse.microprofile.faulttolerance.exceptions.BulkheadException;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;

/**
 * OctoEverywhere's App APIs for a connection, under the same per-connection guard as relayed calls (a connection
 * known to be revoked costs no traffic; 603/604/605 update its state). Keeps each connection's account limits
 * for {@code appconnection.info.cache-ttl}, so that a transfer can be checked before a byte is sent.
 */
@ApplicationScoped
public class AppApiClient {

    /** After a failed Info call the limits stay unknown this long, so that uploads do not hammer the API. */
    private static final Duration FAILED_LOOKUP_PAUSE = Duration.ofMinutes(1);

    @Inject
    InfoSettings settings;

    @Inject
    PrinterGuard guard;

    @Inject
    AppApiCalls calls;

    @Inject
    CallOutcomes outcomes;

    private final Clock clock = Clock.systemUTC();
    private final Map<String, KnownLimits> limits = new ConcurrentHashMap<>();

    private record KnownLimits(TransferLimits limits, Instant until) {}

    public PrinterInfo info(AppConnection connection, ConnectionSecrets secrets) {
        // 200 with IsOnline false: the connection is valid, the printer is not connected to OctoEverywhere.
        PrinterInfo info = call(
                connection,
                CallKind.READ,
                api -> AppApiMapper.info(api.info(secrets.appApiToken())),
                answer -> answer.online() ? ConnectionState.ONLINE : ConnectionState.PRINTER_OFFLINE);
        limits.put(
                connection.id(), new KnownLimits(info.limits(), clock.instant().plus(settings.cacheTtl())));
        return info;
    }

    /** Points the connection's notifications at {@code url} (OctoEverywhere keeps the last registration only). */
    public void setWebhook(AppConnection connection, ConnectionSecrets secrets, URI url, Set<Integer> eventTypes) {
        AppApiRequests.Webhook body = new AppApiRequests.Webhook(
                url.toString(), eventTypes.stream().sorted().toList());
        // Repeating a registration is harmless: each one replaces the previous.
        call(
                connection,
                CallKind.READ,
                api -> {
                    api.setNotificationWebhook(secrets.appApiToken(), body);
                    return body;
                },
                ok -> ConnectionState.ONLINE);
    }

    public void deleteWebhook(AppConnection connection, ConnectionSecrets secrets) {
        call(
                connection,
                CallKind.READ,
                api -> {
                    api.deleteNotificationWebhook(secrets.appApiToken(), new AppApiRequests.None());
                    return connection;
                },
                ok -> ConnectionState.ONLINE);
    }

    /** Sent once: every call makes OctoEverywhere deliver a test notification. */
    public WebhookTest testWebhook(AppConnection connection, ConnectionSecrets secrets) {
        return call(
                connection,
                CallKind.COMMAND,
                api -> AppApiMapper.webhookTest(api.testWebhook(secrets.appApiToken())),
                ok -> ConnectionState.ONLINE);
    }

    /** Creates a Live Link; sent once, like every command (a 602 leaves its outcome unknown). */
    public LiveLink createLiveLink(AppConnection connection, ConnectionSecrets secrets, LiveLinkOptions options) {
        AppApiRequests.LiveLink body =
                new AppApiRequests.LiveLink(options.expirationHours(), options.endWhenCurrentPrintIsComplete());
        // Checked outside the App API's policies: an answer without a URL says nothing about the service's health.
        return call(
                        connection,
                        CallKind.COMMAND,
                        api -> AppApiMapper.liveLink(api.createLiveLink(secrets.appApiToken(), body)))
                .orElseThrow(() -> ErrorMapper.unreadable(
                        connection.id(),
                        Side.APP_API,
                        OptionalInt.of(200),
                        "OctoEverywhere created a Live Link but named no URL"));
    }

    public GadgetStatus gadgetStatus(AppConnection connection, ConnectionSecrets secrets) {
        return call(
                connection,
                CallKind.READ,
                api -> AppApiMapper.gadget(api.gadgetStatus(secrets.appApiToken(), new AppApiRequests.None())));
    }

    private <R> R call(AppConnection connection, CallKind kind, Function<AppApi, R> request) {
        return call(connection, kind, request, ok -> ConnectionState.ONLINE);
    }

    private <R> R call(
            AppConnection connection,
            CallKind kind,
            Function<AppApi, R> request,
            Function<R, ConnectionState> stateAfter) {
        String id = connection.id();
        guard.refuseKnownDead(connection);
        R result;
        try {
            result = calls.call(id, kind != CallKind.COMMAND, request);
        } catch (AppApiCalls.Unavailable e) {
            throw e.failure();
        } catch (AppApiCalls.UnavailableAfterSending e) {
            throw kind == CallKind.COMMAND ? new CommandOutcomeUnknownException(id, e.failure()) : e.failure();
        } catch (CircuitBreakerOpenException e) {
            throw new PrinterUnreachableException(
                    "OctoEverywhere's App API is unavailable: calls to it pause for a"
                            + " while (its breaker is open); nothing was sent",
                    id,
                    e);
        } catch (BulkheadException e) {
            throw new RelayBusyException(
                    "Too many calls to OctoEverywhere's App API at once on this server;" + " nothing was sent", id);
        } catch (TimeoutException e) {
            PrinterUnreachableException late =
                    new PrinterUnreachableException("OctoEverywhere's App API did not answer in time", id, e);
            throw kind == CallKind.COMMAND ? new CommandOutcomeUnknownException(id, late) : late;
        } catch (AppConnectionException e) {
            // An answer about this connection (revoked, suspended, printer offline): it is learned like any other.
            outcomes.failed(id, e);
            throw e;
        }
        outcomes.answered(id, stateAfter.apply(result));
        return result;
    }

    /**
     * The account limits, from the cache or a fresh Info call. When the Info API cannot answer (OctoEverywhere is
     * unavailable, the printer is offline), the fallback serves what was known last, or unknown limits; a connection
     * that is gone fails as it is.
     */
    @Fallback(
            fallbackMethod = "lastKnownLimits",
            skipOn = {ConnectionGoneException.class, InvalidCredentialsException.class, UnknownConnectionException.class
            })
    public TransferLimits limits(AppConnection connection, ConnectionSecrets secrets) {
        KnownLimits known = limits.get(connection.id());
        if (known != null && clock.instant().isBefore(known.until())) {
            return known.limits();
        }
        return info(connection, secrets).limits();
    }

    /** The fallback of {@link #limits}: the last limits known, else unknown ones, trusted for a minute. */
    public TransferLimits lastKnownLimits(AppConnection connection, ConnectionSecrets secrets) {
        KnownLimits known = limits.get(connection.id());
        TransferLimits last = known == null ? TransferLimits.unknown() : known.limits();
        limits.put(connection.id(), new KnownLimits(last, clock.instant().plus(FAILED_LOOKUP_PAUSE)));
        return last;
    }

    void forget(@Observes ConnectionRemoved removed) {
        limits.remove(removed.connectionId());
    }
}
