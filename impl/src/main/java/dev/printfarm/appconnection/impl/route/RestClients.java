package dev.printfarm.appconnection.impl.route;

import dev.printfarm.appconnection.impl.json.JsonAnswers;
import dev.printfarm.appconnection.impl.json.WireJsonProvider;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.eclipse.microprofile.rest.client.RestClientBuilder;

/**
 * The typed MicroProfile Rest Client interfaces of the printers, each built once and shared by every printer: a call
 * names its {@link Target} (the relay URL and credentials, or the LAN address), and the client's
 * {@link ThroughTransport} filter sends it on the module's {@link HttpTransport}. So there is one client per interface,
 * not one per printer; no second HTTP stack sends anything (and none retries beneath the module's policies); the
 * interfaces keep the MicroProfile programming model (annotations, {@code ResponseExceptionMapper}s, JSON-B). Where
 * the implementation would build an HTTP stack per client anyway, it is given a {@link NoSendingEngine} instead.
 */
@ApplicationScoped
public class RestClients {

    /** Never dialled: {@link ThroughTransport} replaces it with the call's target. */
    static final URI NOWHERE = URI.create("http://appconnection.invalid");

    /** The MicroProfile Rest Client property that leaves the implementation's default exception mapper out. */
    static final String DISABLE_DEFAULT_MAPPER = "microprofile.rest.client.disable.default.mapper";

    /** The target of the call the current thread is making (Rest Client calls are synchronous here). */
    private static final ThreadLocal<Target> CURRENT = new ThreadLocal<>();

    @Inject
    HttpTransport transport;

    private final Map<Class<?>, Object> clients = new ConcurrentHashMap<>();

    /** Runs {@code request} with the interface {@code api}'s client aimed at {@code target}. */
    public <A, R> R call(Target target, Class<A> api, Function<A, R> request) {
        A client = api.cast(clients.computeIfAbsent(api, this::build));
        Target previous = CURRENT.get();
        CURRENT.set(target);
        try {
            return request.apply(client);
        } finally {
            if (previous == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(previous);
            }
        }
    }

    /** How many clients were built: one per interface used, however many printers and calls. */
    public int built() {
        return clients.size();
    }

    private Object build(Class<?> api) {
        RestClientBuilder builder = RestClientBuilder.newBuilder();
        NoSendingEngine.forBuilder(builder).ifPresent(builder::register);
        return builder.baseUri(NOWHERE)
                // TargetExceptionMapper maps every error status; the default mapper would only be asked in vain.
                .property(DISABLE_DEFAULT_MAPPER, true)
                .register(new ThroughTransport(transport, RestClients::current))
                .register(new TargetExceptionMapper(transport, RestClients::current))
                .register(WireJsonProvider.INSTANCE)
                .register(JsonAnswers.perCall(
                        () -> current().appApi() ? "OctoEverywhere's App API" : "The printer",
                        (status, message) -> HttpTransport.unreadable(current(), status, message)))
                .build(api);
    }

    private static Target current() {
        Target target = CURRENT.get();
        if (target == null) {
            throw new IllegalStateException("A Rest Client of the module was called outside RestClients.call");
        }
        return target;
    }

    @PreDestroy
    void closeAll() {
        for (Object client : clients.values()) {
            if (client instanceof AutoCloseable closeable) {
                try {
                    closeable.close();
                } catch (Exception e) {
                    // Closing only frees what the client holds.
                }
            }
        }
        clients.clear();
    }
}
