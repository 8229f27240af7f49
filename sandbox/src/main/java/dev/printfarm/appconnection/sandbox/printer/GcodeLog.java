package dev.printfarm.appconnection.sandbox.printer;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/** The G-code commands a printer received through the API, oldest first, the last 10,000. Thread-safe. */
public final class GcodeLog {

    public static final int CAPACITY = 10_000;

    private final Deque<String> commands = new ArrayDeque<>();

    public synchronized void record(List<String> received) {
        for (String command : received) {
            if (commands.size() == CAPACITY) {
                commands.removeFirst();
            }
            commands.addLast(command);
        }
    }

    public synchronized List<String> snapshot() {
        return List.copyOf(commands);
    }

    public synchronized void clear() {
        commands.clear();
    }
}
