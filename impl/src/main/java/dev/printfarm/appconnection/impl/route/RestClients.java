package dev.printfarm.appconnection.impl.route;

import dev.printfarm.appconnection.impl.internal.EntityCap;
import dev.printfarm.appconnection.impl.internal.ModuleConfig;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.rest.client.RestClientBuilder;

/**
 * Typed Rest Clients aimed at one {@link Target}, built once and shared by the calls to the same target (same base,
 * headers and timeouts): building one costs tens of milliseconds, and each owns a connection pool that keeps its
 * connections alive between calls. At most {@value #MAX_CLIENTS} are kept; past that the least recently used idle
 * one is closed, and so is any left unused for {@link #IDLE}. A client is thread-safe; a {@link Lease} marks it busy
 * so that it is never closed under a call.
 */
@ApplicationScoped
public class RestClients {

    static final int MAX_CLIENTS = 256;
    static final Duration IDLE = Duration.ofMinutes(2);

    @Inject
    ModuleConfig config;

    @Inject
    RouteTable routes;

    @Inject
    HttpTransport transport;

    /** What makes two targets share a client. Holds the target's headers, so it never prints them. */
    private record Key(Class<?> api, String base, Map<String, String> headers, long connectMillis, long readMillis) {
        @Override
        public String toString() {
            return "Key[" + api.getSimpleName() + " " + base + "]";
        }
    }

    /** A built client, how many calls use it now and when it was last used. */
    private static final class Shared {
        final Object client;
        int busy;
        long lastUsed;

        Shared(Object client) {
            this.client = client;
        }
    }

    private final Map<Key, Shared> clients = new LinkedHashMap<>(16, 0.75f, true);

    public <T> Lease<T> open(Target target, Class<T> api) {
        long connectMillis = routes.connectTimeout(target).toMillis();
        long readMillis = config.readTimeout().toMillis();
        Key key = new Key(api, target.base().toString(), Map.copyOf(target.headers()), connectMillis, readMillis);
        Shared shared;
        List<Object> closing = new ArrayList<>();
        synchronized (clients) {
            shared = clients.get(key);
            if (shared == null) {
                java.util.concurrent.atomic.AtomicReference<Shared> self = new java.util.concurrent.atomic.AtomicReference<>();
                shared = new Shared(RestClientBuilder.newBuilder()
                        .baseUri(target.base())
                        .connectTimeout(connectMillis, TimeUnit.MILLISECONDS)
                        .readTimeout(readMillis, TimeUnit.MILLISECONDS)
                        .register(new TargetHeaders(target.headers()))
                        .register(new TargetExceptionMapper(transport, target))
                        .register(new EntityCap(transport.limits(), () -> discard(key, self.get())))
                        .build(api));
                self.set(shared);
                clients.put(key, shared);
            }
            shared.busy++;
            shared.lastUsed = System.nanoTime();
            evict(closing);
        }
        closing.forEach(RestClients::close);
        return new Lease<>(api.cast(shared.client), shared, this);
    }

    /** Removes idle clients over the limit (least recently used first) or unused for too long; the caller closes them. */
    private void evict(List<Object> closing) {
        long now = System.nanoTime();
        int over = clients.size() - MAX_CLIENTS;
        Iterator<Shared> eldestFirst = clients.values().iterator();
        while (eldestFirst.hasNext()) {
            Shared candidate = eldestFirst.next();
            boolean stale = now - candidate.lastUsed > IDLE.toNanos();
            if (candidate.busy == 0 && (over > 0 || stale)) {
                eldestFirst.remove();
                closing.add(candidate.client);
                over--;
            } else if (over <= 0 && !stale) {
                break;
            }
        }
    }

    /**
     * Closes a client whose answer went over its cap, with its connections, so that nothing reads the rest; calls
     * sharing it fail, the next one builds a new client.
     */
    private void discard(Key key, Shared shared) {
        if (shared == null) {
            return;
        }
        synchronized (clients) {
            clients.remove(key, shared);
        }
        close(shared.client);
    }

    private void release(Shared shared) {
        synchronized (clients) {
            shared.busy--;
            shared.lastUsed = System.nanoTime();
        }
    }

    private static void close(Object client) {
        if (client instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                // Closing only frees the pool.
            }
        }
    }

    @PreDestroy
    void closeAll() {
        List<Object> all;
        synchronized (clients) {
            all = clients.values().stream().map(c -> c.client).toList();
            clients.clear();
        }
        all.forEach(RestClients::close);
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

    /** A shared client, busy until the lease is closed. */
    public static final class Lease<T> implements AutoCloseable {
        private final T client;
        private final Shared shared;
        private final RestClients owner;

        Lease(T client, Shared shared, RestClients owner) {
            this.client = client;
            this.shared = shared;
            this.owner = owner;
        }

        public T client() {
            return client;
        }

        @Override
        public void close() {
            owner.release(shared);
        }
    }
}
