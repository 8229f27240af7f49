package dev.printfarm.appconnection.impl.appapi;

import dev.printfarm.appconnection.api.AppConnection;
import dev.printfarm.appconnection.api.AppConnectionException;
import dev.printfarm.appconnection.api.ConnectionRemoved;
import dev.printfarm.appconnection.api.ConnectionState;
import dev.printfarm.appconnection.api.WebhookTest;
import dev.printfarm.appconnection.api.OctoEverywhereException;
import dev.printfarm.appconnection.api.GadgetStatus;
import dev.printfarm.appconnection.api.LiveLink;
import dev.printfarm.appconnection.api.LiveLinkOptions;
import dev.printfarm.appconnection.api.PrinterInfo;
import dev.printfarm.appconnection.api.TransferLimits;
import dev.printfarm.appconnection.impl.internal.BoundedBodies;
import dev.printfarm.appconnection.impl.internal.EntityCap;
import dev.printfarm.appconnection.impl.internal.ModuleConfig;
import dev.printfarm.appconnection.impl.json.JsonAnswers;
import dev.printfarm.appconnection.impl.json.WireJsonProvider;
import dev.printfarm.appconnection.impl.relay.CallKind;
import dev.printfarm.appconnection.impl.relay.CallOutcomes;
import dev.printfarm.appconnection.impl.relay.OctoEverywhereStatus;
import dev.printfarm.appconnection.impl.relay.PrinterGuard;
import dev.printfarm.appconnection.impl.store.ConnectionSecrets;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.eclipse.microprofile.rest.client.RestClientBuilder;
import org.eclipse.microprofile.rest.client.ext.ResponseExceptionMapper;

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
    ModuleConfig config;

    @Inject
    PrinterGuard guard;

    @Inject
    CallOutcomes outcomes;

    private final Clock clock = Clock.systemUTC();
    private final Map<String, KnownLimits> limits = new ConcurrentHashMap<>();

    private record KnownLimits(TransferLimits limits, Instant until) {
    }

    public PrinterInfo info(AppConnection connection, ConnectionSecrets secrets) {
        // 200 with IsOnline false: the connection is valid, the printer is not connected to OctoEverywhere.
        PrinterInfo info = call(connection, CallKind.READ, api -> AppApiMapper.info(api.info(secrets.appApiToken())),
                answer -> answer.online() ? ConnectionState.ONLINE : ConnectionState.PRINTER_OFFLINE);
        limits.put(connection.id(), new KnownLimits(info.limits(), clock.instant().plus(config.infoCacheTtl())));
        return info;
    }

    /** Points the connection's notifications at {@code url} (OctoEverywhere keeps the last registration only). */
    public void setWebhook(AppConnection connection, ConnectionSecrets secrets, URI url, Set<Integer> eventTypes) {
        AppApiRequests.Webhook body = new AppApiRequests.Webhook(url.toString(), eventTypes.stream().sorted().toList());
        // Repeating a registration is harmless: each one replaces the previous.
        call(connection, CallKind.READ, api -> {
            api.setNotificationWebhook(secrets.appApiToken(), body);
            return body;
        }, ok -> ConnectionState.ONLINE);
    }

    public void deleteWebhook(AppConnection connection, ConnectionSecrets secrets) {
        call(connection, CallKind.READ, api -> {
            api.deleteNotificationWebhook(secrets.appApiToken(), new AppApiRequests.None());
            return connection;
        }, ok -> ConnectionState.ONLINE);
    }

    /** Sent once: every call makes OctoEverywhere deliver a test notification. */
    public WebhookTest testWebhook(AppConnection connection, ConnectionSecrets secrets) {
        return call(connection, CallKind.COMMAND, api -> AppApiMapper.webhookTest(api.testWebhook(secrets.appApiToken())),
                ok -> ConnectionState.ONLINE);
    }

    /** Creates a Live Link; sent once, like every command (a 602 leaves its outcome unknown). */
    public LiveLink createLiveLink(AppConnection connection, ConnectionSecrets secrets, LiveLinkOptions options) {
        AppApiRequests.LiveLink body = new AppApiRequests.LiveLink(options.expirationHours(),
                options.endWhenCurrentPrintIsComplete());
        return call(connection, CallKind.COMMAND, api -> AppApiMapper.liveLink(api.createLiveLink(secrets.appApiToken(), body))
                .orElseThrow(() -> new OctoEverywhereException("OctoEverywhere created a Live Link but named no URL",
                        connection.id(), 200, true)));
    }

    public GadgetStatus gadgetStatus(AppConnection connection, ConnectionSecrets secrets) {
        return call(connection, CallKind.READ, api -> AppApiMapper.gadget(api.gadgetStatus(secrets.appApiToken(),
                new AppApiRequests.None())));
    }

    private <R> R call(AppConnection connection, CallKind kind, Function<AppApi, R> request) {
        return call(connection, kind, request, ok -> ConnectionState.ONLINE);
    }

    private <R> R call(AppConnection connection, CallKind kind, Function<AppApi, R> request,
                       Function<R, ConnectionState> stateAfter) {
        return guard.call(connection, kind, () -> true, () -> {
            java.util.concurrent.atomic.AtomicReference<AppApi> self = new java.util.concurrent.atomic.AtomicReference<>();
            AppApi api = RestClientBuilder.newBuilder()
                    .baseUri(config.serviceUrl())
                    .connectTimeout(config.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
                    .readTimeout(config.readTimeout().toMillis(), TimeUnit.MILLISECONDS)
                    .register(new AppApiErrors(connection.id(), config))
                    .register(new EntityCap(config.bodyLimits(), () -> close(self.get())))
                    .register(WireJsonProvider.INSTANCE)
                    .register(JsonAnswers.fromOctoEverywhere(connection.id()))
                    .build(AppApi.class);
            self.set(api);
            try {
                return request.apply(api);
            } catch (ProcessingException e) {
                Throwable cause = e.getCause() == null ? e : e.getCause();
                if (cause instanceof AppConnectionException ace) {
                    throw ace;
                }
                var tooLarge = BoundedBodies.find(e);
                if (tooLarge.isPresent()) {
                    throw new OctoEverywhereException("OctoEverywhere's answer is larger than " + tooLarge.get().limit()
                            + " bytes", connection.id(), tooLarge.get().status(), false);
                }
                throw OctoEverywhereStatus.unreachable(connection.id(), cause);
            } finally {
                close(api);
            }
        }, stateAfter);
    }

    private static void close(Object api) {
        if (api instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception ignored) {
                // only frees the pool
            }
        }
    }

    /** The account limits, from the cache or a fresh Info call; unknown when the Info API cannot say. */
    public TransferLimits limits(AppConnection connection, ConnectionSecrets secrets) {
        KnownLimits known = limits.get(connection.id());
        if (known != null && clock.instant().isBefore(known.until())) {
            return known.limits();
        }
        try {
            return info(connection, secrets).limits();
        } catch (AppConnectionException e) {
            if (!e.isTemporary()) {
                throw e;
            }
            limits.put(connection.id(), new KnownLimits(TransferLimits.unknown(), clock.instant().plus(FAILED_LOOKUP_PAUSE)));
            return TransferLimits.unknown();
        }
    }

    void forget(@Observes ConnectionRemoved removed) {
        limits.remove(removed.connectionId());
    }

    /** 6xx as everywhere; other errors are the App API's own (400 = no token, 5xx = OctoEverywhere trouble). */
    @Priority(100)
    static final class AppApiErrors implements ResponseExceptionMapper<RuntimeException> {
        private final String connectionId;
        private final ModuleConfig config;

        AppApiErrors(String connectionId, ModuleConfig config) {
            this.connectionId = connectionId;
            this.config = config;
        }

        @Override
        public boolean handles(int status, MultivaluedMap<String, Object> headers) {
            return status >= 400;
        }

        @Override
        public RuntimeException toThrowable(Response response) {
            int status = response.getStatus();
            if (OctoEverywhereStatus.isOctoEverywhereCode(status)) {
                return OctoEverywhereStatus.exceptionFor(status, connectionId, config.serviceUrl(), config.appId());
            }
            return new OctoEverywhereException("OctoEverywhere's App API answered HTTP " + status, connectionId, status,
                    status >= 500);
        }
    }
}
