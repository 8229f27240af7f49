package dev.printfarm.appconnection.sandbox.moonraker;

import dev.printfarm.appconnection.sandbox.printer.EmulatedPrinter;
import dev.printfarm.appconnection.sandbox.push.SessionTransport;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.Session;
import java.util.logging.Level;
import java.util.logging.Logger;

/** The WebSocket side of one Moonraker socket, made per upgrade: hands everything to {@link MoonrakerSockets}. */
final class MoonrakerEndpoint extends Endpoint {

    private static final Logger LOG = Logger.getLogger(MoonrakerEndpoint.class.getName());

    private final MoonrakerSockets sockets;
    private final EmulatedPrinter printer;
    private volatile RpcSocket socket;

    MoonrakerEndpoint(MoonrakerSockets sockets, EmulatedPrinter printer) {
        this.sockets = sockets;
        this.printer = printer;
    }

    @Override
    public void onOpen(Session session, EndpointConfig config) {
        RpcSocket opened = sockets.open(printer, new SessionTransport(session));
        socket = opened;
        session.addMessageHandler(String.class, text -> sockets.received(opened, text));
    }

    @Override
    public void onClose(Session session, CloseReason closeReason) {
        RpcSocket opened = socket;
        if (opened != null) {
            sockets.closed(opened);
        }
    }

    @Override
    public void onError(Session session, Throwable thrown) {
        LOG.log(Level.FINE, "Moonraker socket error", thrown);
    }
}
