package dev.printfarm.appconnection.sandbox.relay;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** How many of the next relayed requests per printer get their connection closed instead of an answer. */
@ApplicationScoped
public class ConnectionResets {

    private final Map<String, Integer> pending = new ConcurrentHashMap<>();

    public void schedule(String printerId, int count) {
        if (count <= 0) {
            pending.remove(printerId);
        } else {
            pending.put(printerId, count);
        }
    }

    /** True, and one fewer pending, when this request is to be reset. */
    public boolean takeOne(String printerId) {
        boolean[] taken = {false};
        pending.computeIfPresent(printerId, (id, count) -> {
            taken[0] = true;
            return count > 1 ? count - 1 : null;
        });
        return taken[0];
    }

    public int pending(String printerId) {
        return pending.getOrDefault(printerId, 0);
    }

    public void clear() {
        pending.clear();
    }
}
