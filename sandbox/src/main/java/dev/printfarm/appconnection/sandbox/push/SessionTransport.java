package dev.printfarm.appconnection.sandbox.push;

import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;
import java.io.IOException;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A WebSocket session as a {@link PushTransport}. Sends asynchronously, so no timer ever waits on a client. Loaded
 * only once a socket is open (it needs the WebSocket API).
 */
public final class SessionTransport implements PushTransport {

    private static final Logger LOG = Logger.getLogger(SessionTransport.class.getName());

    private final Session session;

    public SessionTransport(Session session) {
        this.session = session;
    }

    @Override
    public void send(String text, Consumer<Optional<Throwable>> done) {
        try {
            session.getAsyncRemote()
                    .sendText(
                            text,
                            result -> done.accept(
                                    result.isOK()
                                            ? Optional.empty()
                                            : Optional.of(
                                                    result.getException() != null
                                                            ? result.getException()
                                                            : new IOException("The message was not sent"))));
        } catch (RuntimeException e) {
            done.accept(Optional.of(e));
        }
    }

    @Override
    public void close(int code, String reason) {
        try {
            session.close(new CloseReason(CloseReason.CloseCodes.getCloseCode(code), reason));
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.FINE, "Closing a socket failed", e);
        }
    }
}
