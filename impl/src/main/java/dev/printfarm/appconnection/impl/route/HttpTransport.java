package dev.printfarm.appconnection.impl.route;

import dev.printfarm.appconnection.api.ConnectionRoute;
import dev.printfarm.appconnection.api.error.AppConnectionException;
import dev.printfarm.appconnection.api.error.PrinterUnreachableException;
import dev.printfarm.appconnection.api.error.UnreadableAnswerException;
import dev.printfarm.appconnection.impl.config.ServiceSettings;
import dev.printfarm.appconnection.impl.error.ErrorAnswer;
import dev.printfarm.appconnection.impl.error.ErrorMapper;
import dev.printfarm.appconnection.impl.error.Side;
import dev.printfarm.appconnection.impl.internal.BodyLimits;
import dev.printfarm.appconnection.impl.internal.BodyTooLargeException;
import dev.printfarm.appconnection.impl.internal.BoundedBodies;
import dev.printfarm.appconnection.impl.internal.ModuleThreads;
import dev.printfarm.appconnection.impl.relay.RelaySettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * The module's one transport for relayed and LAN calls: the JDK {@link HttpClient}, built once (one client for the
 * relay, one with the LAN's short connect timeout), HTTP/1.1 with connections kept alive per host, no redirects, and
 * no retry policy beneath the module's (the JDK still sends a {@code GET} once more when the connection closes before
 * any byte of the answer; nothing per client turns that off). Its completions run on the module's few
 * {@link ModuleThreads}.
 * The typed Rest Client interfaces are plugged onto it ({@link RestClients}); streamed uploads and downloads, LAN
 * probes and push sockets use it directly. It reads OctoEverywhere's 6xx codes from the status line like any other
 * status, and hands every error answer to the one {@link ErrorMapper}.
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
    private volatile ErrorMapper errors;

    /** A request to the target with its headers; the path starts with {@code /} and is encoded. */
    public HttpRequest.Builder request(Target target, String encodedPath, Duration timeout) {
        HttpRequest.Builder builder =
                HttpRequest.newBuilder(target.resolve(encodedPath)).timeout(timeout);
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
     * else an {@link dev.printfarm.appconnection.api.error.AnswerTooLargeException}), anything else means the target
     * could not be reached.
     */
    public AppConnectionException failure(Target target, Throwable cause) {
        java.util.Optional<BodyTooLargeException> tooLarge = BoundedBodies.find(cause);
        if (tooLarge.isEmpty()) {
            return unreachable(target, cause);
        }
        int status = tooLarge.get().status();
        if (status >= 400) {
            // The body was too large to keep: the status and nothing else.
            return errors().map(new ErrorAnswer(
                    target.connectionId(), side(target), status, Map.of(), new byte[0], true, Set.of()));
        }
        return ErrorMapper.tooLarge(
                target.connectionId(),
                side(target),
                OptionalInt.of(status),
                tooLarge.get().limit());
    }

    /**
     * Sends without holding the caller's thread; the answer completes on the module's {@link ModuleThreads#io()}, so
     * what the caller chains to it runs there.
     *
     * <p>The JDK hands every answer of {@code sendAsync} to {@code CompletableFuture}'s default executor first. With
     * fewer than three cores that executor starts a new thread per task, and a thread that ran the caller's whole chain
     * (reading the answer, starting the next request) lived long enough for tens of them to be alive at once. Here that
     * thread only passes the answer on.
     */
    public <T> CompletableFuture<HttpResponse<T>> sendAsync(
            Target target, HttpRequest request, HttpResponse.BodyHandler<T> handler) {
        return sendAsync(target, request, handler, threads.io());
    }

    /** Like {@link #sendAsync(Target, HttpRequest, HttpResponse.BodyHandler)}, completing on {@code completeOn}. */
    public <T> CompletableFuture<HttpResponse<T>> sendAsync(
            Target target, HttpRequest request, HttpResponse.BodyHandler<T> handler, Executor completeOn) {
        return client(target).sendAsync(request, handler).whenCompleteAsync(HttpTransport::passOn, completeOn);
    }

    private static void passOn(Object answer, Throwable failure) {
        // Nothing to do: the stage only moves the completion onto the module's threads.
    }

    /**
     * Opens a WebSocket to {@code encodedPath} on the target (http becomes ws, https wss) with the target's headers on
     * the handshake. A refused handshake fails the future with a {@link java.net.http.WebSocketHandshakeException}
     * whose response tells the status (OctoEverywhere's 6xx included).
     */
    public CompletableFuture<java.net.http.WebSocket> webSocket(
            Target target, String encodedPath, java.net.http.WebSocket.Listener listener) {
        URI http = target.resolve(encodedPath);
        URI ws = URI.create(("https".equalsIgnoreCase(http.getScheme()) ? "wss" : "ws")
                + http.toString().substring(http.getScheme().length()));
        java.net.http.WebSocket.Builder builder = client(target)
                .newWebSocketBuilder()
                .connectTimeout(target.route() == ConnectionRoute.LAN ? lan.timeout() : relay.connectTimeout());
        target.headers().forEach(builder::header);
        return builder.buildAsync(ws, listener);
    }

    /**
     * The exception for an error answer ({@link ErrorMapper}): on the relay a 6xx is OctoEverywhere's; on the LAN every
     * status is the printer's; on the App API every status is OctoEverywhere's. A text or byte body is kept (cleaned);
     * a streamed one is closed unread, since a stalled printer could hold the caller while it is read.
     */
    public AppConnectionException error(Target target, HttpResponse<?> response) {
        Object body = response.body();
        byte[] bytes = body instanceof String text
                ? text.getBytes(StandardCharsets.UTF_8)
                : body instanceof byte[] raw ? raw : new byte[0];
        if (body instanceof java.io.InputStream stream) {
            try {
                stream.close();
            } catch (IOException ignored) {
                // only freeing the connection
            }
        }
        return error(target, response.statusCode(), response.headers().map(), bytes, false);
    }

    /** The exception for an error answer with what was read of its body ({@code cut}: more followed). */
    public AppConnectionException error(
            Target target, int status, Map<String, List<String>> headers, byte[] body, boolean cut) {
        return errors().map(answer(target, status, headers, body, cut));
    }

    /** An error answer of the target as the {@link ErrorMapper} takes it, with the target's credentials to scrub. */
    public static ErrorAnswer answer(
            Target target, int status, Map<String, List<String>> headers, byte[] body, boolean cut) {
        return new ErrorAnswer(
                target.connectionId(),
                side(target),
                status,
                headers,
                body,
                cut,
                Set.copyOf(target.headers().values()));
    }

    /** A success answer of the target that cannot be used. */
    public static UnreadableAnswerException unreadable(Target target, OptionalInt status, String message) {
        return ErrorMapper.unreadable(target.connectionId(), side(target), status, message);
    }

    public static PrinterUnreachableException unreachable(Target target, Throwable cause) {
        return ErrorMapper.unreachable(target.connectionId(), side(target), cause);
    }

    /** The one mapping of answers to exceptions, with the service URL and app id of the supporter link. */
    public ErrorMapper errors() {
        ErrorMapper current = errors;
        if (current == null) {
            current = new ErrorMapper(Clock.systemUTC(), service.serviceUrl(), service.appId());
            errors = current;
        }
        return current;
    }

    /** Whose answers the target gives. */
    public static Side side(Target target) {
        return target.appApi() ? Side.APP_API : target.route() == ConnectionRoute.LAN ? Side.LAN : Side.RELAY;
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
