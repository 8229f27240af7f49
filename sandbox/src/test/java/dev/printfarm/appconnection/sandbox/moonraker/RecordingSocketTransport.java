package dev.printfarm.appconnection.sandbox.moonraker;

import dev.printfarm.appconnection.sandbox.push.PushTransport;
import jakarta.json.Json;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Consumer;

/** Records what a Moonraker socket sent, completing every send at once. */
final class RecordingSocketTransport implements PushTransport {

    private final List<String> sent = new ArrayList<>();
    private OptionalInt closedWith = OptionalInt.empty();

    @Override
    public synchronized void send(String text, Consumer<Optional<Throwable>> done) {
        sent.add(text);
        done.accept(Optional.empty());
    }

    @Override
    public synchronized void close(int code, String reason) {
        closedWith = OptionalInt.of(code);
    }

    synchronized List<JsonStructure> messages() {
        return sent.stream()
                .map(text -> Json.createReader(new StringReader(text)).read())
                .toList();
    }

    /** The {@code method} of each notification sent, in order. */
    synchronized List<String> notifications() {
        return messages().stream()
                .filter(message -> message.getValueType() == JsonValue.ValueType.OBJECT
                        && message.asJsonObject().containsKey("method"))
                .map(message -> message.asJsonObject().getString("method"))
                .toList();
    }

    synchronized OptionalInt closedWith() {
        return closedWith;
    }

    synchronized void clear() {
        sent.clear();
    }
}
