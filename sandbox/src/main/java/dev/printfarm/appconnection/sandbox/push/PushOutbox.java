package dev.printfarm.appconnection.sandbox.push;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/**
 * The messages waiting for one socket, sent one at a time and in order: a WebSocket allows a single asynchronous send
 * in flight. Neither the frame scheduler nor the thread handling a client's message ever waits for a slow client;
 * when {@link #CAPACITY} messages are waiting, new ones are dropped. Shared by OctoPrint's push socket and
 * Moonraker's JSON-RPC socket. Thread-safe.
 */
public final class PushOutbox {

    public static final int CAPACITY = 256;

    /** Told about every message that reached the wire, and once about the first failure. */
    public interface Listener {
        void sent();

        void failed(Throwable failure);
    }

    private final PushTransport transport;
    private final Listener listener;
    private final Deque<String> waiting = new ArrayDeque<>();
    private boolean sending;
    private boolean closed;
    private long dropped;

    public PushOutbox(PushTransport transport, Listener listener) {
        this.transport = transport;
        this.listener = listener;
    }

    /** False when the message was dropped: the outbox is closed or full. */
    public boolean offer(String text) {
        synchronized (this) {
            if (closed || waiting.size() >= CAPACITY) {
                dropped++;
                return false;
            }
            if (sending) {
                waiting.addLast(text);
                return true;
            }
            sending = true;
        }
        transport.send(text, this::done);
        return true;
    }

    /** Nothing more is sent; what waits is dropped. */
    public synchronized void close() {
        closed = true;
        waiting.clear();
    }

    synchronized long dropped() {
        return dropped;
    }

    private void done(Optional<Throwable> failure) {
        if (failure.isPresent()) {
            boolean first;
            synchronized (this) {
                first = !closed;
                closed = true;
                sending = false;
                waiting.clear();
            }
            if (first) {
                listener.failed(failure.get());
            }
            return;
        }
        String next;
        synchronized (this) {
            next = closed ? null : waiting.pollFirst();
            sending = next != null;
        }
        listener.sent();
        if (next != null) {
            transport.send(next, this::done);
        }
    }
}
