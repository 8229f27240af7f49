package dev.printfarm.appconnection.sandbox.push;

import dev.printfarm.appconnection.sandbox.printer.EmulatedPrinter;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.Session;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The WebSocket side of one push socket, created per upgrade by {@link PushUpgrade}: it hands the session to the
 * {@link PushHub} and relays messages and the close. Everything else happens in {@link PushSocket}.
 */
final class PushEndpoint extends Endpoint {

    private static final Logger LOG = Logger.getLogger(PushEndpoint.class.getName());

    private final PushHub hub;
    private final EmulatedPrinter printer;
    private volatile PushSocket socket;

    PushEndpoint(PushHub hub, EmulatedPrinter printer) {
        this.hub = hub;
        this.printer = printer;
    }

    @Override
    public void onOpen(Session session, EndpointConfig config) {
        PushSocket opened = hub.open(printer, new SessionTransport(session));
        socket = opened;
        session.addMessageHandler(String.class, text -> hub.received(opened, text));
    }

    @Override
    public void onClose(Session session, CloseReason closeReason) {
        PushSocket opened = socket;
        if (opened != null) {
            hub.closed(opened);
        }
    }

    @Override
    public void onError(Session session, Throwable thrown) {
        LOG.log(Level.FINE, "Push socket error", thrown);
    }
}
