package dev.printfarm.appconnection.impl.route;

import dev.printfarm.appconnection.impl.internal.ModuleConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.rest.client.RestClientBuilder;

/**
 * Builds typed Rest Clients aimed at one {@link Target}. Each built client owns a connection pool and a thread on
 * Liberty, so callers close it when done (stack-notes: "many connections at once").
 */
@ApplicationScoped
public class RestClients {

    @Inject
    ModuleConfig config;

    @Inject
    RouteTable routes;

    @Inject
    HttpTransport transport;

    public <T> Lease<T> open(Target target, Class<T> api) {
        T client = RestClientBuilder.newBuilder()
                .baseUri(target.base())
                .connectTimeout(routes.connectTimeout(target).toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(config.readTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .register(new TargetHeaders(target.headers()))
                .register(new TargetExceptionMapper(transport, target))
                .build(api);
        return new Lease<>(client);
    }

    /** Puts the target's headers on every request. {@link #toString()} never prints them. */
    static final class TargetHeaders implements ClientRequestFilter {
        private final Map<String, String> headers;

        TargetHeaders(Map<String, String> headers) {
            this.headers = headers;
        }

        @Override
        public void filter(ClientRequestContext request) {
            headers.forEach((name, value) -> request.getHeaders().putSingle(name, value));
        }

        @Override
        public String toString() {
            return "TargetHeaders" + headers.keySet();
        }
    }

    /** A built client and the obligation to close it. */
    public static final class Lease<T> implements AutoCloseable {
        private final T client;

        Lease(T client) {
            this.client = client;
        }

        public T client() {
            return client;
        }

        @Override
        public void close() {
            if (client instanceof AutoCloseable closeable) {
                try {
                    closeable.close();
                } catch (Exception e) {
                    // Closing only frees the pool; the call's outcome is already known.
                }
            }
        }
    }
}
