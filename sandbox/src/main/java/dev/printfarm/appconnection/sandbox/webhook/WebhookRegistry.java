package dev.printfarm.appconnection.sandbox.webhook;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** At most one webhook per App Connection; registering again replaces it. In memory, thread-safe. */
@ApplicationScoped
public class WebhookRegistry {

    private final Map<String, WebhookRegistration> byConnection = new ConcurrentHashMap<>();

    public void register(WebhookRegistration registration) {
        byConnection.put(registration.connectionId(), registration);
    }

    /** True when there was one to delete. */
    public boolean delete(String connectionId) {
        return byConnection.remove(connectionId) != null;
    }

    public Optional<WebhookRegistration> find(String connectionId) {
        return Optional.ofNullable(byConnection.get(connectionId));
    }

    public void clear() {
        byConnection.clear();
    }
}
