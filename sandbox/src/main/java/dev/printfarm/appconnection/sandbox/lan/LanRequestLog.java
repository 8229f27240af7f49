package dev.printfarm.appconnection.sandbox.lan;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/** The most recent LAN-face requests, oldest first, so tests can check what a client sent. Thread-safe. */
@ApplicationScoped
public class LanRequestLog {

    public static final int CAPACITY = 1000;

    private final Deque<LoggedLanRequest> requests = new ArrayDeque<>();

    public synchronized void record(LanRequest request, int status) {
        if (requests.size() == CAPACITY) {
            requests.removeFirst();
        }
        requests.addLast(new LoggedLanRequest(
                request.printerId(), request.lanIp(), request.method(), request.path(), status, request.headers()));
    }

    public synchronized List<LoggedLanRequest> snapshot() {
        return List.copyOf(requests);
    }

    public synchronized void clear() {
        requests.clear();
    }
}
