package dev.printfarm.appconnection.sandbox.push;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Consumer;

/** Records what a push socket sent; completes each send at once unless told to hold them. */
final class RecordingTransport implements PushTransport {

    final List<String> sent = new ArrayList<>();
    final Deque<Consumer<Optional<Throwable>>> held = new ArrayDeque<>();
    OptionalInt closedWith = OptionalInt.empty();
    int closes;
    private final boolean holding;

    private RecordingTransport(boolean holding) {
        this.holding = holding;
    }

    static RecordingTransport completingAtOnce() {
        return new RecordingTransport(false);
    }

    /** Keeps every send in flight until {@link #completeNext(Optional)}. */
    static RecordingTransport holdingSends() {
        return new RecordingTransport(true);
    }

    @Override
    public synchronized void send(String text, Consumer<Optional<Throwable>> done) {
        sent.add(text);
        if (holding) {
            held.addLast(done);
        } else {
            done.accept(Optional.empty());
        }
    }

    @Override
    public synchronized void close(int code, String reason) {
        closes++;
        closedWith = OptionalInt.of(code);
    }

    void completeNext(Optional<Throwable> failure) {
        Consumer<Optional<Throwable>> done;
        synchronized (this) {
            done = held.removeFirst();
        }
        done.accept(failure);
    }

    synchronized List<JsonObject> messages() {
        return sent.stream()
                .map(text -> Json.createReader(new StringReader(text)).readObject())
                .toList();
    }

    /** The top-level key of each message: connected, history, current, event. */
    synchronized List<String> kinds() {
        return messages().stream()
                .map(message -> message.keySet().iterator().next())
                .toList();
    }

    /** The {@code type} of each event message. */
    synchronized List<String> events() {
        return messages().stream()
                .filter(message -> message.containsKey("event"))
                .map(message -> message.getJsonObject("event").getString("type"))
                .toList();
    }
}
