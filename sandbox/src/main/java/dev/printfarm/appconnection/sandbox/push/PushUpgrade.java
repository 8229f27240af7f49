package dev.printfarm.appconnection.sandbox.push;

import dev.printfarm.appconnection.sandbox.printer.EmulatedPrinter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.Endpoint;
import jakarta.websocket.Extension;
import jakarta.websocket.HandshakeResponse;
import jakarta.websocket.server.HandshakeRequest;
import jakarta.websocket.server.ServerContainer;
import jakarta.websocket.server.ServerEndpointConfig;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * Turns a relayed request into the printer's push socket, after the relay has checked it like any other request.
 *
 * <p>Why a programmatic upgrade ({@link ServerContainer#upgradeHttpToWebSocket}, WebSocket 2.1) from the relay
 * servlet rather than a {@code @ServerEndpoint}: a refused handshake has to be an ordinary HTTP answer with the relay's
 * 6xx, decided by the same code as every relayed request. An annotated endpoint could only refuse from a
 * {@code Configurator}, which cannot choose the status. The configurator here overrides every method, so nothing
 * depends on the container's default configurator.
 */
public final class PushUpgrade {

    static final String ENDPOINT_PATH = "/relay/{connectionId}" + PushPaths.PATH;

    private PushUpgrade() {}

    /** Only after {@link PushPaths#webSocketsEnabled}: this class needs the WebSocket API. */
    public static void upgrade(
            HttpServletRequest request,
            HttpServletResponse response,
            PushHub hub,
            EmulatedPrinter printer,
            String connectionId)
            throws IOException {
        upgrade(request, response, new PushEndpoint(hub, printer), ENDPOINT_PATH, connectionId);
    }

    /**
     * Upgrades to {@code endpoint}, one instance per socket; {@code endpointPath} is the relay path template it is
     * registered under ({@code /relay/{connectionId}/…}). Also used for Moonraker's JSON-RPC socket.
     */
    public static void upgrade(
            HttpServletRequest request,
            HttpServletResponse response,
            Endpoint endpoint,
            String endpointPath,
            String connectionId)
            throws IOException {
        ServerContainer server =
                (ServerContainer) request.getServletContext().getAttribute(PushPaths.CONTAINER_ATTRIBUTE);
        ServerEndpointConfig config = ServerEndpointConfig.Builder.create(endpoint.getClass(), endpointPath)
                .configurator(new Instance(endpoint))
                .build();
        try {
            server.upgradeHttpToWebSocket(request, response, config, Map.of("connectionId", connectionId));
        } catch (DeploymentException e) {
            throw new IOException("Upgrading the socket at " + endpointPath + " failed", e);
        }
    }

    /** Hands the container the one endpoint instance made for this upgrade. */
    private static final class Instance extends ServerEndpointConfig.Configurator {

        private final Endpoint endpoint;

        Instance(Endpoint endpoint) {
            this.endpoint = endpoint;
        }

        @Override
        public <T> T getEndpointInstance(Class<T> endpointClass) {
            return endpointClass.cast(endpoint);
        }

        @Override
        public boolean checkOrigin(String originHeaderValue) {
            return true;
        }

        @Override
        public void modifyHandshake(ServerEndpointConfig sec, HandshakeRequest request, HandshakeResponse response) {}

        @Override
        public String getNegotiatedSubprotocol(List<String> supported, List<String> requested) {
            return "";
        }

        @Override
        public List<Extension> getNegotiatedExtensions(List<Extension> installed, List<Extension> requested) {
            return List.of();
        }
    }
}
