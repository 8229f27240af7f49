package dev.printfarm.appconnection.sandbox.push;

import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;

/**
 * Recognises a push socket handshake without touching the WebSocket API, so that the relay keeps working on a server
 * without WebSocket support: only {@link PushUpgrade} needs it, and it is loaded only when a handshake is accepted.
 */
public final class PushPaths {

    /** The printer-side path of OctoPrint's SockJS endpoint, answered as a raw WebSocket. */
    public static final String PATH = "/sockjs/websocket";
    /** The printer-side path of Moonraker's JSON-RPC socket. */
    public static final String MOONRAKER_PATH = "/websocket";
    /** Set by the container when WebSocket support (Liberty: {@code websocket-2.1}) is enabled. */
    static final String CONTAINER_ATTRIBUTE = "jakarta.websocket.server.ServerContainer";

    private PushPaths() {}

    public static boolean isHandshake(HttpServletRequest request, String printerPath) {
        return isHandshake(request.getMethod(), printerPath, request.getHeader("Upgrade"));
    }

    /**
     * A GET of {@link #PATH} or {@link #MOONRAKER_PATH} asking to upgrade to {@code websocket} (the header may list
     * several protocols). Which of them a printer answers depends on its kind, see the relay.
     */
    static boolean isHandshake(String method, String printerPath, String upgrade) {
        return "GET".equals(method)
                && (PATH.equals(printerPath) || MOONRAKER_PATH.equals(printerPath))
                && upgrade != null
                && Arrays.stream(upgrade.split(",")).map(String::strip).anyMatch("websocket"::equalsIgnoreCase);
    }

    public static boolean webSocketsEnabled(ServletContext context) {
        return context.getAttribute(CONTAINER_ATTRIBUTE) != null;
    }
}
