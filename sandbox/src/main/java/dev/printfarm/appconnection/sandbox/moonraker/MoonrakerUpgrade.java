package dev.printfarm.appconnection.sandbox.moonraker;

import dev.printfarm.appconnection.sandbox.printer.EmulatedPrinter;
import dev.printfarm.appconnection.sandbox.push.PushUpgrade;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Turns a relayed {@code /websocket} handshake into the printer's Moonraker socket, after the relay has checked it.
 * Like {@link PushUpgrade}, the only way into the WebSocket API, so the relay runs on a server without it.
 */
public final class MoonrakerUpgrade {

    static final String ENDPOINT_PATH = "/relay/{connectionId}" + MoonrakerApi.WEBSOCKET_PATH;

    private MoonrakerUpgrade() {}

    public static void upgrade(
            HttpServletRequest request,
            HttpServletResponse response,
            MoonrakerSockets sockets,
            EmulatedPrinter printer,
            String connectionId)
            throws IOException {
        PushUpgrade.upgrade(request, response, new MoonrakerEndpoint(sockets, printer), ENDPOINT_PATH, connectionId);
    }
}
