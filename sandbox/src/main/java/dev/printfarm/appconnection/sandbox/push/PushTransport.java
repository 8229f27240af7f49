package dev.printfarm.appconnection.sandbox.push;

import java.util.Optional;
import java.util.function.Consumer;

/** The wire under one push socket: a WebSocket session in the server, a recorder in tests. */
public interface PushTransport {

    /**
     * Sends one text message without blocking; {@code done} gets the failure, or nothing when it was sent. At most one
     * message is in flight at a time ({@link PushOutbox} sees to that).
     */
    void send(String text, Consumer<Optional<Throwable>> done);

    /** Closes the socket with this close code; must not throw. */
    void close(int code, String reason);
}
