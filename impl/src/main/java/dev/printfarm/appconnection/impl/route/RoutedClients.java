package dev.printfarm.appconnection.impl.route;

import dev.printfarm.appconnection.api.AppConnection;
import dev.printfarm.appconnection.api.error.AppConnectionException;
import dev.printfarm.appconnection.api.error.ErrorDetails;
import dev.printfarm.appconnection.api.error.TransferLimitException;
import dev.printfarm.appconnection.api.error.UnreadableAnswerException;
import dev.printfarm.appconnection.impl.appapi.AppApiClient;
import dev.printfarm.appconnection.impl.live.PushSettings;
import dev.printfarm.appconnection.impl.live.WebcamSettings;
import dev.printfarm.appconnection.impl.relay.CallKind;
import dev.printfarm.appconnection.impl.relay.PrinterGuard;
import dev.printfarm.appconnection.impl.relay.RelaySettings;
import dev.printfarm.appconnection.impl.store.ConnectionSecrets;
import jakarta.inject.Inject;
import jakarta.ws.rs.ProcessingException;
import java.io.InputStream;
import java.time.Duration;
import java.util.OptionalLong;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

/**
 * What the typed clients of every platform (OctoPrint, Moonraker, the command API) share: the transports, the route
 * table, the guard and the App API, and the one way a call is made. Each platform's factory bean extends it.
 */
public abstract class RoutedClients {

    /** The slowest upload rate a transfer is given time for, on top of the read timeout. */
    private static final long SLOWEST_UPLOAD_BYTES_PER_SECOND = 64 * 1024;

    @Inject
    RelaySettings relaySettings;

    @Inject
    WebcamSettings webcamSettings;

    @Inject
    PushSettings pushSettings;

    @Inject
    RestClients restClients;

    @Inject
    HttpTransport transport;

    @Inject
    RouteTable routes;

    @Inject
    PrinterGuard guard;

    @Inject
    AppApiClient appApi;

    @Inject
    Stalls stalls;

    // Methods, not fields: the beans are reached through their CDI proxies, whose own fields are empty.
    public RelaySettings relaySettings() {
        return relaySettings;
    }

    public WebcamSettings webcamSettings() {
        return webcamSettings;
    }

    public PushSettings pushSettings() {
        return pushSettings;
    }

    public RestClients restClients() {
        return restClients;
    }

    public HttpTransport transport() {
        return transport;
    }

    public RouteTable routes() {
        return routes;
    }

    public PrinterGuard guard() {
        return guard;
    }

    public AppApiClient appApi() {
        return appApi;
    }

    /**
     * A body handed to the caller (a download, a raw stream): a read that waits longer than the read timeout closes
     * it and fails with an {@link java.io.IOException}, instead of blocking for ever on a connection that died
     * without closing.
     */
    public InputStream guarded(InputStream body, String what) {
        return stalls.guard(body, relaySettings().readTimeout(), what);
    }

    /** One call under the connection's guard, on its current route (the LAN when it is reachable, else the relay). */
    public <R> R call(AppConnection connection, ConnectionSecrets secrets, CallKind kind, Function<Target, R> request) {
        return guard().call(connection, kind, () -> routes().run(connection, secrets, kind, () -> true, request));
    }

    /**
     * One call through a MicroProfile Rest Client of interface {@code api}, under the guard, on the current route. A
     * module exception the client's mappers or its JSON reading raised passes through (an answer that is not the JSON
     * it should be is an {@link UnreadableAnswerException}: the printer answered, so it is not silence); any other failure
     * of the exchange means the target could not be reached.
     */
    public <A, R> R rest(
            AppConnection connection, ConnectionSecrets secrets, CallKind kind, Class<A> api, Function<A, R> request) {
        return call(connection, secrets, kind, target -> onClient(target, api, request));
    }

    /** {@link #rest} on the relay only (what OctoEverywhere serves itself, such as the command API). */
    public <A, R> R restRelay(
            AppConnection connection, ConnectionSecrets secrets, CallKind kind, Class<A> api, Function<A, R> request) {
        return callRelay(connection, secrets, kind, target -> onClient(target, api, request));
    }

    private <A, R> R onClient(Target target, Class<A> api, Function<A, R> request) {
        try {
            return restClients().call(target, api, request);
        } catch (ProcessingException e) {
            for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
                if (t instanceof AppConnectionException ace) {
                    throw ace;
                }
            }
            throw HttpTransport.unreachable(target, e.getCause() == null ? e : e.getCause());
        }
    }

    /** One call under the connection's guard, on the relay only (what OctoEverywhere serves itself). */
    public <R> R callRelay(
            AppConnection connection, ConnectionSecrets secrets, CallKind kind, Function<Target, R> request) {
        return guard().call(connection, kind, () -> request.apply(routes().relay(connection, secrets)));
    }

    /**
     * An upload of {@code size} bytes of {@code content}: refused before any traffic when it is over the account's
     * upload limit; under the guard, on the current route, and tried again (on another route, or after a relay hiccup)
     * only while not a byte of the caller's stream has been read. A stream that ends early or runs long is the
     * caller's mistake and says so, with the transport's failure as its cause.
     */
    public <R> R upload(
            AppConnection connection,
            ConnectionSecrets secrets,
            String what,
            InputStream content,
            long size,
            boolean relayOnly,
            Function<Sending, R> send) {
        if (size < 0) {
            throw new IllegalArgumentException("size must not be negative, got " + size);
        }
        OptionalLong limit = appApi().limits(connection, secrets).maxUploadBytes();
        if (limit.isPresent() && size > limit.getAsLong()) {
            throw new TransferLimitException(
                    "An upload of " + size + " bytes is over the account's upload limit of " + limit.getAsLong()
                            + " bytes; nothing was sent",
                    connection.id(),
                    TransferLimitException.Direction.UPLOAD,
                    limit,
                    ErrorDetails.none());
        }
        UploadBody body = new UploadBody(content, size);
        BooleanSupplier untouched = () -> body.bytesRead() == 0;
        Duration timeout = relaySettings().readTimeout().plusSeconds(size / SLOWEST_UPLOAD_BYTES_PER_SECOND);
        try {
            return guard().call(
                            connection,
                            CallKind.COMMAND,
                            untouched,
                            () -> relayOnly
                                    ? send.apply(new Sending(routes().relay(connection, secrets), body, size, timeout))
                                    : routes().run(
                                                    connection,
                                                    secrets,
                                                    CallKind.COMMAND,
                                                    untouched,
                                                    target -> send.apply(new Sending(target, body, size, timeout))));
        } catch (AppConnectionException e) {
            if (body.mismatch().isPresent()) {
                throw new IllegalArgumentException(
                        "Upload of " + what + " failed: " + body.mismatch().get(), e);
            }
            throw e;
        }
    }

    /** One attempt of an upload: where it goes, the counted body, its declared size and the time it is given. */
    public record Sending(Target target, InputStream body, long size, Duration timeout) {}
}
