package dev.printfarm.appconnection.sandbox.web;

import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletRequestWrapper;
import java.io.IOException;
import java.net.Socket;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Ends a request's connection before a single byte of an answer, as a server that went away would. The Servlet API has
 * no call for that. On Open Liberty (seen on 26.0.0.5) the socket is reached through public methods of the container's
 * own request and connection objects and its output is shut down: the client reads end-of-stream where the status line
 * should be. The answer Liberty then tries to write fails without a trace, and Liberty closes the connection itself.
 */
public final class ConnectionDrop {

    private static final Logger LOG = Logger.getLogger(ConnectionDrop.class.getName());

    /** From Liberty's servlet request to the socket, one public no-argument method after the other. */
    static final List<String> PATH_TO_SOCKET = List.of(
            "getIRequest", "getHttpInboundConnection", "getTCPConnectionContext", "getSocketIOChannel", "getSocket");

    private static final AtomicBoolean WARNED = new AtomicBoolean();

    private ConnectionDrop() {}

    /**
     * True when the client will get no answer at all, so the caller must write nothing; false, with nothing done,
     * when this container does not let the sandbox reach the connection.
     */
    public static boolean drop(ServletRequest request) {
        Optional<Socket> socket = socketOf(request);
        if (socket.isEmpty()) {
            if (WARNED.compareAndSet(false, true)) {
                LOG.warning("This server does not let the sandbox drop a connection; requests refused by a relay "
                        + "outage get an empty 502 instead");
            }
            return false;
        }
        try {
            socket.get().shutdownOutput();
        } catch (IOException alreadyGone) {
            LOG.log(Level.FINE, "The connection was gone before it could be dropped", alreadyGone);
        }
        return true;
    }

    static Optional<Socket> socketOf(ServletRequest request) {
        Object step = unwrapped(request);
        try {
            for (String getter : PATH_TO_SOCKET) {
                step = step.getClass().getMethod(getter).invoke(step);
                if (step == null) {
                    return Optional.empty();
                }
            }
        } catch (ReflectiveOperationException | RuntimeException notLiberty) {
            LOG.log(Level.FINE, "No way from the request to its socket", notLiberty);
            return Optional.empty();
        }
        return step instanceof Socket socket ? Optional.of(socket) : Optional.empty();
    }

    private static ServletRequest unwrapped(ServletRequest request) {
        ServletRequest inner = request;
        while (inner instanceof ServletRequestWrapper wrapper) {
            inner = wrapper.getRequest();
        }
        return inner;
    }
}
