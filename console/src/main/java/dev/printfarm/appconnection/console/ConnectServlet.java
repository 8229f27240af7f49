package dev.printfarm.appconnection.console;

import dev.printfarm.appconnection.api.AppConnectionService;
import dev.printfarm.appconnection.api.PortalRequest;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** "Connect printer": sends the browser to the OctoEverywhere portal. */
@WebServlet("/connect")
public class ConnectServlet extends HttpServlet {

    @Inject
    AppConnectionService connections;

    @Inject
    ConsoleSettings settings;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        PortalRequest portal = PortalRequest.forOwner(settings.farm()).withOctoPrintApiKey(settings.apiKeyAppName());
        String printerId = request.getParameter("printerId");
        if (printerId != null && !printerId.isBlank()) {
            portal = portal.withPrinterId(printerId);
        }
        response.setHeader("Cache-Control", "no-store");
        response.sendRedirect(connections.portalUrl(portal).toString());
    }
}
