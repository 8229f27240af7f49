package dev.printfarm.appconnection.sandbox.webhook;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * At most one webhook per App Connection; registering again replaces it. Also knows which printers have at least
 * one, so that the print watcher looks at those only. In memory, thread-safe; what survives a restart is kept
 * elsewhere (see {@code state.StateKeeper}), which learns of every change through {@link #onChange(Runnable)}.
 */
@ApplicationScoped
public class WebhookRegistry {

    private final Map<String, WebhookRegistration> byConnection = new HashMap<>();
    private final Map<String, Integer> perPrinter = new HashMap<>();
    private volatile Runnable changed = () -> {};

    public synchronized void register(WebhookRegistration registration) {
        WebhookRegistration before = byConnection.put(registration.connectionId(), registration);
        if (before != null) {
            uncount(before.printerId());
        }
        perPrinter.merge(registration.printerId(), 1, Integer::sum);
        changed.run();
    }

    /** True when there was one to delete. */
    public synchronized boolean delete(String connectionId) {
        WebhookRegistration removed = byConnection.remove(connectionId);
        if (removed == null) {
            return false;
        }
        uncount(removed.printerId());
        changed.run();
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

    /** Every registration, by connection id; a copy. */
    public synchronized List<WebhookRegistration> all() {
        return byConnection.values().stream()
                .sorted(Comparator.comparing(WebhookRegistration::connectionId))
                .toList();
    }

    public synchronized void clear() {
        byConnection.clear();
        perPrinter.clear();
        changed.run();
    }

    /**
     * {@code listener} runs after every change (register, delete, clear), under this registry's lock, so it must be
     * quick and must not call back. One listener: the last one given.
     */
    public void onChange(Runnable listener) {
        changed = Objects.requireNonNull(listener, "listener");
    }

    private void uncount(String printerId) {
        perPrinter.computeIfPresent(printerId, (id, count) -> count > 1 ? count - 1 : null);
    }
}
