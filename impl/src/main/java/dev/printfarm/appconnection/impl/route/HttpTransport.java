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
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Logger;
import javax.net.ssl.SSLContext;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.config.TlsConfig;
import org.apache.hc.client5.http.impl.DefaultConnectionKeepAliveStrategy;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.impl.async.HttpAsyncClients;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManager;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManagerBuilder;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.client5.http.ssl.ClientTlsStrategyBuilder;
import org.apache.hc.core5.concurrent.FutureCallback;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.RequestNotExecutedException;
import org.apache.hc.core5.http.message.BasicHttpRequest;
import org.apache.hc.core5.http.nio.AsyncEntityProducer;
import org.apache.hc.core5.http.nio.entity.AsyncEntityProducers;
import org.apache.hc.core5.http.nio.support.BasicRequestProducer;
import org.apache.hc.core5.http.protocol.HttpContext;
import org.apache.hc.core5.http2.HttpVersionPolicy;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.pool.PoolConcurrencyPolicy;
import org.apache.hc.core5.reactor.IOReactorConfig;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

/**
 * The module's one transport for relayed and LAN calls: one asynchronous Apache HttpClient 5, built once, HTTP/1.1 with
 * connections kept alive per host, whose few I/O threads come from the server's managed thread factory. Beneath the
 * module's own policies it does nothing of its own: no retry (a read on a dead relay is sent exactly as many times as
 * the module's retry policy says), no redirect, no cookies, no authentication exchange, no content decompression, and
 * no connection evictor thread (a connection that the other side closes while idle is seen closed by the I/O threads).
 * Every answer is handed on to the module's threads ({@link ModuleThreads#io()} unless the caller names others), never
 * run on the client's I/O threads.
 *
 * <p>Requests are written with the JDK's {@link HttpRequest} and read with its {@link HttpResponse.BodyHandler}s, as
 * plain descriptions: the typed Rest Client interfaces are plugged onto this transport ({@link RestClients}); streamed
 * uploads and downloads, LAN probes and the fleet use it directly. Push sockets are the one thing sent by the JDK's own
 * client (the transport's client has no WebSocket support): they are few, long-lived, and open on the module's threads.
 * It reads OctoEverywhere's 6xx codes from the status line like any other status, and hands every error answer to the
 * one {@link ErrorMapper}.
 */
@ApplicationScoped
public class HttpTransport {

    private static final Logger LOG = Logger.getLogger(HttpTransport.class.getName());

    /**
     * Connections kept per host: the relay is one host for every printer, so this bounds how many relayed requests are
     * on the wire at once; more wait for a connection for up to the connect timeout.
     */
    static final int CONNECTIONS_PER_HOST = 512;

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

    private volatile CloseableHttpAsyncClient client;
    /** The JDK clients of push sockets, by connect timeout (the relay's, the LAN's). */
    private final Map<Duration, java.net.http.HttpClient> socketClients = new ConcurrentHashMap<>();

    private volatile ErrorMapper errors;
    /** Hosts reached on the LAN route ({@code host:port}): their connects give up after the LAN's timeout. */
    private final Set<String> lanHosts = ConcurrentHashMap.newKeySet();
    /** Request settings by (answer timeout, connect timeout): a handful, made once each. */
    private final Map<List<Duration>, RequestConfig> requestConfigs = new ConcurrentHashMap<>();

    /** A request to the target with its headers; the path starts with {@code /} and is encoded. */
    public HttpRequest.Builder request(Target target, String encodedPath, Duration timeout) {
        HttpRequest.Builder builder =
                HttpRequest.newBuilder(target.resolve(encodedPath)).timeout(timeout);
        target.headers().forEach(builder::header);
        return builder;
    }

    /** Sends and waits for the answer (a streamed body is read afterwards, on the caller's thread). */
    public <T> HttpResponse<T> send(Target target, HttpRequest request, HttpResponse.BodyHandler<T> handler) {
        CompletableFuture<HttpResponse<T>> answer = exchange(target, request, handler);
        try {
            return answer.get();
        } catch (ExecutionException e) {
            throw failure(target, e.getCause() == null ? e : e.getCause());
        } catch (InterruptedException e) {
            answer.cancel(true);
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

    /** The answer as text, capped like {@link #text()} but at most {@code jsonBytes} when it succeeded. */
    public HttpResponse.BodyHandler<String> text(long jsonBytes) {
        BodyLimits limits = limits();
        return jsonBytes >= limits.jsonBytes()
                ? BoundedBodies.ofString(limits)
                : BoundedBodies.ofString(new BodyLimits(jsonBytes, limits.errorBytes(), limits.snapshotBytes()));
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
     * what the caller chains to it runs there, never on the client's I/O threads.
     */
    public <T> CompletableFuture<HttpResponse<T>> sendAsync(
            Target target, HttpRequest request, HttpResponse.BodyHandler<T> handler) {
        return sendAsync(target, request, handler, threads.io());
    }

    /** Like {@link #sendAsync(Target, HttpRequest, HttpResponse.BodyHandler)}, completing on {@code completeOn}. */
    public <T> CompletableFuture<HttpResponse<T>> sendAsync(
            Target target, HttpRequest request, HttpResponse.BodyHandler<T> handler, Executor completeOn) {
        CompletableFuture<HttpResponse<T>> answer = exchange(target, request, handler);
        CompletableFuture<HttpResponse<T>> handedOn = answer.whenCompleteAsync(HttpTransport::passOn, completeOn);
        handedOn.whenComplete((ignored, failure) -> {
            if (handedOn.isCancelled()) {
                answer.cancel(true);
            }
        });
        return handedOn;
    }

    private static void passOn(Object answer, Throwable failure) {
        // Nothing to do: the stage only moves the completion onto the module's threads.
    }

    /**
     * One exchange on the client: the answer completes on the client's I/O thread, with the JDK's exceptions for a
     * connect that failed or timed out and for an answer that did not come in time, so callers read failures as before.
     * A request without a body that the client could not even start sending, because the kept-alive connection it
     * took was closed by the server first ({@link RequestNotExecutedException}), is sent once more on another
     * connection: nothing reached the server, so this is not a retry. A request that was sent, wholly or in part, is
     * never sent again here.
     */
    private <T> CompletableFuture<HttpResponse<T>> exchange(
            Target target, HttpRequest request, HttpResponse.BodyHandler<T> handler) {
        CompletableFuture<HttpResponse<T>> answer = new CompletableFuture<>();
        AtomicReference<Future<?>> current = new AtomicReference<>();
        attempt(target, request, handler, answer, current, true);
        answer.whenComplete((ignored, failure) -> {
            Future<?> exchange = current.get();
            if (answer.isCancelled() && exchange != null) {
                exchange.cancel(true); // the caller gave up waiting: close the connection if it is still in use
            }
        });
        return answer;
    }

    private <T> void attempt(
            Target target,
            HttpRequest request,
            HttpResponse.BodyHandler<T> handler,
            CompletableFuture<HttpResponse<T>> answer,
            AtomicReference<Future<?>> current,
            boolean mayResend) {
        URI uri = request.uri();
        Duration connectTimeout = connectTimeout(target);
        if (target.route() == ConnectionRoute.LAN) {
            lanHosts.add(hostKey(uri.getScheme(), uri.getHost(), uri.getPort()));
        }
        BasicHttpRequest head = new BasicHttpRequest(request.method(), uri);
        request.headers().map().forEach((name, values) -> values.forEach(value -> head.addHeader(name, value)));
        HttpClientContext context = HttpClientContext.create();
        context.setRequestConfig(requestConfig(request.timeout().orElse(null), connectTimeout));
        AsyncEntityProducer body = entity(request);
        try {
            current.set(client().execute(
                            new BasicRequestProducer(head, body),
                            new AnswerConsumer<>(request, handler),
                            context,
                            new FutureCallback<>() {
                                @Override
                                public void completed(HttpResponse<T> result) {
                                    answer.complete(result);
                                }

                                @Override
                                public void failed(Exception cause) {
                                    if (mayResend && body == null && notSent(cause) && !answer.isDone()) {
                                        resend(target, request, handler, answer, current);
                                    } else {
                                        answer.completeExceptionally(jdkFailure(cause));
                                    }
                                }

                                @Override
                                public void cancelled() {
                                    answer.completeExceptionally(new IOException("the exchange was given up"));
                                }
                            }));
        } catch (RuntimeException refused) {
            // The client is stopped (the application is stopping) or refused the request as written.
            answer.completeExceptionally(new IOException("the HTTP client did not take the request", refused));
            return;
        }
        if (answer.isCancelled()) {
            current.get().cancel(true);
        }
    }

    /** The second and last attempt of a request the client never started sending, from the module's threads. */
    private <T> void resend(
            Target target,
            HttpRequest request,
            HttpResponse.BodyHandler<T> handler,
            CompletableFuture<HttpResponse<T>> answer,
            AtomicReference<Future<?>> current) {
        LOG.fine(() -> "A kept-alive connection for App Connection " + target.connectionId()
                + " was closed before the request was sent; sending it on another connection");
        try {
            threads.io().execute(() -> attempt(target, request, handler, answer, current, false));
        } catch (RuntimeException stopping) {
            answer.completeExceptionally(new IOException("the request was not sent", stopping));
        }
    }

    /** Whether the client reported that it never started sending the request. */
    private static boolean notSent(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof RequestNotExecutedException) {
                return true;
            }
        }
        return false;
    }

    /** The request's body for the client; none for a body-less read. */
    private AsyncEntityProducer entity(HttpRequest request) {
        Optional<HttpRequest.BodyPublisher> body = request.bodyPublisher();
        if (body.isEmpty()) {
            return null;
        }
        if (body.get().contentLength() == 0) {
            return switch (request.method()) {
                case "GET", "HEAD", "DELETE", "OPTIONS" -> null;
                default -> AsyncEntityProducers.create(new byte[0], null);
            };
        }
        return new PublishedEntity(body.get(), threads.io());
    }

    /**
     * The failures the module's error mapping knows, as the JDK's client reported them: a connect that timed out is an
     * {@link HttpConnectTimeoutException} caused by a {@link ConnectException}, an answer that did not come in time an
     * {@link HttpTimeoutException}; a malformed answer is an {@link IOException}.
     */
    static Throwable jdkFailure(Throwable cause) {
        if (cause instanceof org.apache.hc.client5.http.ConnectTimeoutException
                || cause instanceof org.apache.hc.core5.util.DeadlineTimeoutException) {
            HttpConnectTimeoutException timeout = new HttpConnectTimeoutException("HTTP connect timed out");
            timeout.initCause(new ConnectException("HTTP connect timed out"));
            return timeout;
        }
        if (cause instanceof SocketTimeoutException) {
            return new HttpTimeoutException("request timed out");
        }
        if (cause instanceof HttpException) {
            return new IOException("the answer broke HTTP: " + cause.getMessage(), cause);
        }
        return cause;
    }

    private RequestConfig requestConfig(Duration answerTimeout, Duration connectTimeout) {
        return requestConfigs.computeIfAbsent(
                java.util.Arrays.asList(answerTimeout, connectTimeout),
                key -> RequestConfig.custom()
                        .setResponseTimeout(answerTimeout == null ? null : Timeout.of(answerTimeout))
                        .setConnectionRequestTimeout(Timeout.of(connectTimeout))
                        .setRedirectsEnabled(false)
                        .setAuthenticationEnabled(false)
                        .setContentCompressionEnabled(false)
                        .setProtocolUpgradeEnabled(false)
                        .setExpectContinueEnabled(false)
                        .setHardCancellationEnabled(true)
                        .build());
    }

    /** Connect timeout for a target: LAN addresses answer quickly or not at all. */
    public Duration connectTimeout(Target target) {
        return target.route() == ConnectionRoute.LAN ? lan.timeout() : relay.connectTimeout();
    }

    private static String hostKey(String scheme, String host, int port) {
        int known = port >= 0 ? port : "https".equalsIgnoreCase(scheme) ? 443 : 80;
        return host.toLowerCase(java.util.Locale.ROOT) + ":" + known;
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
        java.net.http.WebSocket.Builder builder =
                socketClient(target).newWebSocketBuilder().connectTimeout(connectTimeout(target));
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

    /** The client, built on first use. */
    private CloseableHttpAsyncClient client() {
        CloseableHttpAsyncClient current = client;
        if (current == null) {
            synchronized (this) {
                if (client == null) {
                    client = build();
                }
                current = client;
            }
        }
        return current;
    }

    private CloseableHttpAsyncClient build() {
        ConnectionConfig relayConnections = connections(relay.connectTimeout());
        ConnectionConfig lanConnections = connections(lan.timeout());
        PoolingAsyncClientConnectionManager connections = PoolingAsyncClientConnectionManagerBuilder.create()
                .setPoolConcurrencyPolicy(PoolConcurrencyPolicy.LAX)
                .setMaxConnPerRoute(CONNECTIONS_PER_HOST)
                .setMaxConnTotal(CONNECTIONS_PER_HOST * 4)
                .setConnectionConfigResolver(route -> {
                    HttpHost host = route.getTargetHost();
                    return lanHosts.contains(hostKey(host.getSchemeName(), host.getHostName(), host.getPort()))
                            ? lanConnections
                            : relayConnections;
                })
                // The JVM's default TLS context, as the server configures it (its trust store included).
                .setTlsStrategy(ClientTlsStrategyBuilder.create()
                        .setSslContext(defaultTls())
                        .buildAsync())
                .setDefaultTlsConfig(TlsConfig.custom()
                        .setVersionPolicy(HttpVersionPolicy.FORCE_HTTP_1)
                        .build())
                .build();
        CloseableHttpAsyncClient built = HttpAsyncClients.custom()
                .setConnectionManager(connections)
                .setIOReactorConfig(
                        IOReactorConfig.custom().setIoThreadCount(IO_THREADS).build())
                .setThreadFactory(threads.factory("appconnection-http"))
                .setUserAgent(USER_AGENT)
                .setKeepAliveStrategy(HttpTransport::keepAlive)
                .disableAutomaticRetries()
                .disableRedirectHandling()
                .disableCookieManagement()
                .disableAuthCaching()
                .disableConnectionState()
                .disableContentCompression()
                .build();
        built.start();
        return built;
    }

    /**
     * The client's I/O threads: one per core, at most two; they only move bytes and hand answers on. The client has
     * one more thread, which starts and stops them.
     */
    private static final int IO_THREADS =
            Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors()));

    private static final String USER_AGENT = "appconnection-java";

    /**
     * The longest a kept-alive connection is reused after its last answer. Servers close idle connections after a
     * while of their own (Liberty after 30 s) without telling; a request sent on such a connection just as it closes
     * fails, and cannot be sent again when it may have reached the server. A connection idle for longer than this is
     * closed by the client instead, when it is next wanted.
     */
    static final TimeValue IDLE_REUSE = TimeValue.ofSeconds(20);

    /**
     * How long a connection may wait for its next request: the server's {@code Keep-Alive: timeout}, at most
     * {@link #IDLE_REUSE}.
     */
    static TimeValue keepAlive(org.apache.hc.core5.http.HttpResponse response, HttpContext context) {
        TimeValue offered = DefaultConnectionKeepAliveStrategy.INSTANCE.getKeepAliveDuration(response, context);
        return offered == null || offered.compareTo(IDLE_REUSE) > 0 ? IDLE_REUSE : offered;
    }

    private static ConnectionConfig connections(Duration connectTimeout) {
        return ConnectionConfig.custom()
                .setConnectTimeout(Timeout.of(connectTimeout))
                // A kept-alive connection nobody used for this long is closed by the I/O threads.
                .setSocketTimeout(Timeout.ofMinutes(2))
                .build();
    }

    /**
     * Lets the I/O threads close their connections and end (a second at most, as streams still open are cut), then
     * closes what is left. Closed at once, the client raced its own I/O threads and logged an error on most stops.
     */
    @PreDestroy
    void close() {
        CloseableHttpAsyncClient current = client;
        if (current != null) {
            current.initiateShutdown();
            try {
                current.awaitShutdown(TimeValue.ofSeconds(1));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            current.close(CloseMode.IMMEDIATE);
        }
    }

    private static SSLContext defaultTls() {
        try {
            return SSLContext.getDefault();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM has no default TLS context", e);
        }
    }

    /** The JDK client for a target's push sockets, one per connect timeout: the LAN's connects give up sooner. */
    private java.net.http.HttpClient socketClient(Target target) {
        return socketClients.computeIfAbsent(connectTimeout(target), this::socketClient);
    }

    private java.net.http.HttpClient socketClient(Duration connectTimeout) {
        return java.net.http.HttpClient.newBuilder()
                .version(java.net.http.HttpClient.Version.HTTP_1_1)
                .followRedirects(java.net.http.HttpClient.Redirect.NEVER)
                .connectTimeout(connectTimeout)
                .executor(threads.io())
                .build();
    }
}
