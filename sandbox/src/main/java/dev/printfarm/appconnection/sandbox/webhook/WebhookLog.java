package dev.printfarm.appconnection.sandbox.webhook;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * The most recent webhook deliveries, oldest first. {@link #clear()} starts a new generation: deliveries queued
 * before it are neither sent nor logged afterwards. Thread-safe.
 */
@ApplicationScoped
public class WebhookLog {

    public static final int CAPACITY = 500;

    private final Deque<WebhookDelivery> deliveries = new ArrayDeque<>();
    private long generation;

    public synchronized long generation() {
        return generation;
    }

    /** False (and nothing logged) when the log was cleared since {@code generation}. */
    public synchronized boolean record(long generation, WebhookDelivery delivery) {
        if (generation != this.generation) {
            return false;
        }
        if (deliveries.size() == CAPACITY) {
            deliveries.removeFirst();
        }
        deliveries.addLast(delivery);
        return true;
    }

    public synchronized List<WebhookDelivery> snapshot() {
        return List.copyOf(deliveries);
    }

    public synchronized void clear() {
        deliveries.clear();
        generation++;
    }
}
