package dev.printfarm.appconnection.impl.relay;

import dev.printfarm.appconnection.api.AppConnection;
import dev.printfarm.appconnection.impl.internal.ModuleConfig;
import dev.printfarm.appconnection.impl.store.ConnectionSecrets;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.rest.client.RestClientBuilder;

/**
 * Builds typed Rest Clients aimed at one connection's relay URL. Each built client owns a connection pool
 * and a thread on Liberty, so callers close it when done (stack-notes: "many connections at once").
 */
@ApplicationScoped
public class RelayClients {

    @Inject
    ModuleConfig config;

    public <T> Lease<T> open(AppConnection connection, ConnectionSecrets secrets, Class<T> api) {
        T client = RestClientBuilder.newBuilder()
                .baseUri(connection.relayUrl())
                .connectTimeout(config.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(config.readTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .register(new RelayHeaders(secrets))
                .register(new RelayExceptionMapper(connection.id(), config.serviceUrl(), config.appId()))
                .build(api);
        return new Lease<>(client);
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
