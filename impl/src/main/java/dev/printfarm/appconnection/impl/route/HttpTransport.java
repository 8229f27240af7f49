package dev.printfarm.appconnection.impl.route;

import dev.printfarm.appconnection.api.ConnectionRoute;
import dev.printfarm.appconnection.api.error.AppConnectionException;
import dev.printfarm.appconnection.api.error.OctoEverywhereException;
import dev.printfarm.appconnection.api.error.PrinterResponseException;
import dev.printfarm.appconnection.api.error.PrinterUnreachableException;
import dev.printfarm.appconnection.impl.config.ServiceSettings;
import dev.printfarm.appconnection.impl.internal.BodyLimits;
import dev.printfarm.appconnection.impl.internal.BodyTooLargeException;
import dev.printfarm.appconnection.impl.internal.BoundedBodies;
import dev.printfarm.appconnection.impl.internal.ModuleThreads;
import dev.printfarm.appconnection.impl.relay.OctoEverywhereStatus;
import dev.printfarm.appconnection.impl.relay.RelaySettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * The module's one transport for relayed and LAN calls: the JDK {@link HttpClient}, built once (one client for the
 * relay, one with the LAN's short connect timeout), HTTP/1.1 with connections kept alive per host, no redirects, and
 * no retry of its own beneath the module's policies. Its completions run on the module's few {@link ModuleThreads}.
 * The typed Rest Client interfaces are plugged onto it ({@link RestClients}); streamed uploads and downloads, LAN
 * probes and push sockets use it directly. It reads OctoEverywhere's 6xx codes from the status line like any other
 * status.
 */
@ApplicationScoped
public class HttpTransport {

    @Inject
    ServiceSettings service;

    @Inject
    RelaySettings relay;

    @Inject
    LanSettings lan;

    @Inject
    LimitSettings limitSettings;

    @Inject
    ModuleThreads threads;

    private volatile HttpClient relayClient;
    private volatile HttpClient lanClient;

    /** A request to the target with its headers; the path starts with {@code /} and is encoded. */
    public HttpRequest.Builder request(Target target, String encodedPath, Duration timeout) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(target.resolve(encodedPath)).timeout(timeout);
        target.headers().forEach(builder::header);
        return builder;
    }

    public <T> HttpResponse<T> send(Target target, HttpRequest request, HttpResponse.BodyHandler<T> handler) {
        try {
            return client(target).send(request, handler);
        } catch (IOException e) {
            throw failure(target, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unreachable(target, e);
        }
    }

    /** How long an answer may take to come, once the request is sent ({@code appconnection.relay.read-timeout}). */
    public Duration readTimeout() {
        return relay.readTimeout();
    }

    /** The answer as text, capped ({@code appconnection.limits.json-bytes}, error bodies {@code error-bytes}). */
    public HttpResponse.BodyHandler<String> text() {
        return BoundedBodies.ofString(limits());
    }

    /** The answer's bytes, capped like {@link #text()}. */
    public HttpResponse.BodyHandler<byte[]> bytes() {
        return BoundedBodies.ofBytes(limits());
    }

    /** The configured body caps ({@link LimitSettings}). */
    public BodyLimits limits() {
        return limitSettings.bodies();
    }

    /**
     * What a failed exchange means: an answer over its cap is the printer's fault (its status when that was an error,
     * else a {@link PrinterResponseException} saying so), anything else means the target could not be reached.
     */
    public AppConnectionException failure(Target target, Throwable cause) {
        java.util.Optional<BodyTooLargeException> tooLarge = BoundedBodies.find(cause);
        if (tooLarge.isEmpty()) {
            return unreachable(target, cause);
        }
        int status = tooLarge.get().status();
        if (status >= 400) {
            return error(target, status);
        }
        return new PrinterResponseException("The printer's answer is larger than " + tooLarge.get().limit() + " bytes",
                target.connectionId(), status);
    }

    /** Sends without holding the caller's thread; the answer completes on the module's {@link ModuleThreads#io()}. */
    public <T> CompletableFuture<HttpResponse<T>> sendAsync(Target target, HttpRequest request,
                                                            HttpResponse.BodyHandler<T> handler) {
        return client(target).sendAsync(request, handler);
    }

    /**
     * Opens a WebSocket to {@code encodedPath} on the target (http becomes ws, https wss) with the target's headers on
     * the handshake. A refused handshake fails the future with a {@link java.net.http.WebSocketHandshakeException}
     * whose response tells the status (OctoEverywhere's 6xx included).
     */
    public CompletableFuture<java.net.http.WebSocket> webSocket(Target target, String encodedPath,
                                                                 java.net.http.WebSocket.Listener listener) {
        URI http = target.resolve(encodedPath);
        URI ws = URI.create(("https".equalsIgnoreCase(http.getScheme()) ? "wss" : "ws")
                + http.toString().substring(http.getScheme().length()));
        java.net.http.WebSocket.Builder builder = client(target).newWebSocketBuilder()
                .connectTimeout(target.route() == ConnectionRoute.LAN ? lan.timeout() : relay.connectTimeout());
        target.headers().forEach(builder::header);
        return builder.buildAsync(ws, listener);
    }

    /** The exception for an error status: on the relay a 6xx is OctoEverywhere's; on the LAN every status is the printer's. */
    public AppConnectionException error(Target target, int status) {
        if (target.appApi() && !OctoEverywhereStatus.isOctoEverywhereCode(status)) {
            // The App API's own errors: 400 = no token, 5xx = OctoEverywhere's trouble (temporary).
            return new OctoEverywhereException("OctoEverywhere's App API answered HTTP " + status, target.connectionId(),
                    status, status >= 500);
        }
        if (target.route() == ConnectionRoute.LAN) {
            return new PrinterResponseException("The printer answered HTTP " + status + " on the LAN",
                    target.connectionId(), status);
        }
        return OctoEverywhereStatus.exceptionFor(status, target.connectionId(), service.serviceUrl(), service.appId());
    }

    public static PrinterUnreachableException unreachable(Target target, Throwable cause) {
        return target.route() == ConnectionRoute.LAN
                ? new PrinterUnreachableException("Could not reach the printer on the LAN: "
                        + cause.getClass().getSimpleName(), target.connectionId(), cause)
                : OctoEverywhereStatus.unreachable(target.connectionId(), cause);
    }

    /** The client for a target's route: the LAN's connects give up sooner. */
    private HttpClient client(Target target) {
        return target.route() == ConnectionRoute.LAN ? lanClient() : relayClient();
    }

    private HttpClient relayClient() {
        HttpClient current = relayClient;
        if (current == null) {
            synchronized (this) {
                if (relayClient == null) {
                    relayClient = build(relay.connectTimeout());
                }
                current = relayClient;
            }
        }
        return current;
    }

    private HttpClient lanClient() {
        HttpClient current = lanClient;
        if (current == null) {
            synchronized (this) {
                if (lanClient == null) {
                    lanClient = build(lan.timeout());
                }
                current = lanClient;
            }
        }
        return current;
    }

    private HttpClient build(Duration connectTimeout) {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(connectTimeout)
                .executor(threads.io())
                .build();
    }
}
