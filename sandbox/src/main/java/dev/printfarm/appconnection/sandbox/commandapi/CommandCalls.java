package dev.printfarm.appconnection.sandbox.commandapi;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The command API calls each printer received, the last {@link #CAPACITY}, so tests can see what reached it. */
@ApplicationScoped
public class CommandCalls {

    public static final int CAPACITY = 1000;

    /**
     * One call.
     *
     * @param status the envelope's {@code Status} (or the HTTP status of a raw answer)
     * @param args   the arguments as received: the JSON body, or the query string's (names lower-cased)
     */
    public record Call(Instant time, String connectionId, String command, int status, JsonObject args) {}

    private final Map<String, Deque<Call>> calls = new ConcurrentHashMap<>();

    public void record(String printerId, Call call) {
        Deque<Call> printerCalls = calls.computeIfAbsent(printerId, id -> new ArrayDeque<>());
        synchronized (printerCalls) {
            printerCalls.addLast(call);
            while (printerCalls.size() > CAPACITY) {
                printerCalls.removeFirst();
            }
        }
    }

    /** Oldest first. */
    public List<Call> of(String printerId) {
        Deque<Call> printerCalls = calls.get(printerId);
        if (printerCalls == null) {
            return List.of();
        }
        synchronized (printerCalls) {
            return List.copyOf(printerCalls);
        }
    }

    public void clear() {
        calls.clear();
    }
}
