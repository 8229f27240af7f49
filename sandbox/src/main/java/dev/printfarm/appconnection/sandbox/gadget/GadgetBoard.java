package dev.printfarm.appconnection.sandbox.gadget;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Per printer: the scripted Gadget answer, and every Gadget call (the last {@link #CALLS_KEPT}). Thread-safe. */
@ApplicationScoped
public class GadgetBoard {

    public static final int CALLS_KEPT = 10_000;

    private final Map<String, GadgetScript> scripts = new ConcurrentHashMap<>();
    private final Map<String, Deque<GadgetCall>> calls = new ConcurrentHashMap<>();

    public void script(String printerId, GadgetScript script) {
        scripts.put(printerId, script);
    }

    public void unscript(String printerId) {
        scripts.remove(printerId);
    }

    public Optional<GadgetScript> script(String printerId) {
        return Optional.ofNullable(scripts.get(printerId));
    }

    public void recordCall(String printerId, GadgetCall call) {
        Deque<GadgetCall> printerCalls = calls.computeIfAbsent(printerId, id -> new ArrayDeque<>());
        synchronized (printerCalls) {
            if (printerCalls.size() == CALLS_KEPT) {
                printerCalls.removeFirst();
            }
            printerCalls.addLast(call);
        }
    }

    /** Oldest first. */
    public List<GadgetCall> calls(String printerId) {
        Deque<GadgetCall> printerCalls = calls.get(printerId);
        if (printerCalls == null) {
            return List.of();
        }
        synchronized (printerCalls) {
            return List.copyOf(printerCalls);
        }
    }

    public void clear() {
        scripts.clear();
        calls.clear();
    }
}
