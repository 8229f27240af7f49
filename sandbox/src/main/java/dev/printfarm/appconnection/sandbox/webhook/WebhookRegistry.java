package dev.printfarm.appconnection.sandbox.webhook;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * At most one webhook per App Connection; registering again replaces it. Also knows which printers have at least
 * one, so that the print watcher looks at those only. In memory, thread-safe.
 */
@ApplicationScoped
public class WebhookRegistry {

    private final Map<String, WebhookRegistration> byConnection = new HashMap<>();
    private final Map<String, Integer> perPrinter = new HashMap<>();

    public synchronized void register(WebhookRegistration registration) {
        WebhookRegistration before = byConnection.put(registration.connectionId(), registration);
        if (before != null) {
            uncount(before.printerId());
        }
        perPrinter.merge(registration.printerId(), 1, Integer::sum);
    }

    /** True when there was one to delete. */
    public synchronized boolean delete(String connectionId) {
        WebhookRegistration removed = byConnection.remove(connectionId);
        if (removed == null) {
            return false;
        }
        uncount(removed.printerId());
        return true;
    }

    public synchronized Optional<WebhookRegistration> find(String connectionId) {
        return Optional.ofNullable(byConnection.get(connectionId));
    }

    /** Whether any connection of the printer has a registration (revoked, expired or not). */
    public synchronized boolean anyFor(String printerId) {
        return perPrinter.containsKey(printerId);
    }

    /** The printers with at least one registration; a copy. */
    public synchronized Set<String> printerIds() {
        return Set.copyOf(perPrinter.keySet());
    }

    public synchronized void clear() {
        byConnection.clear();
        perPrinter.clear();
    }

    private void uncount(String printerId) {
        perPrinter.computeIfPresent(printerId, (id, count) -> count > 1 ? count - 1 : null);
    }
}
