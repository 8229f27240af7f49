package dev.printfarm.appconnection.console;

import dev.printfarm.appconnection.api.AppConnectionService;
import dev.printfarm.appconnection.api.PortalRequest;
import dev.printfarm.appconnection.console.farm.LanPrinter;
import dev.printfarm.appconnection.console.farm.LanPrinters;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;

/**
 * "Connect printer": sends the browser to the OctoEverywhere portal for the operator's farm. With
 * {@code ?lanPrinter={id}} ("Enable remote access") the LAN printer's OctoEverywhere printer id is preselected and
 * the new connection is tied back to that record.
 */
@WebServlet("/connect")
public class ConnectServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    transient AppConnectionService connections;

    @Inject
    transient ConsoleSettings settings;

    @Inject
    transient LanPrinters lanPrinters;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        PortalRequest portal = PortalRequest.forOwner(settings.farm()).withOctoPrintApiKey(settings.apiKeyAppName());
        String lanPrinterId = request.getParameter("lanPrinter");
        if (lanPrinterId != null) {
            Optional<LanPrinter> lan = lanPrinters.find(settings.farm(), lanPrinterId);
            if (lan.isEmpty()) {
                response.sendError(404, "No LAN printer " + lanPrinterId);
                return;
            }
            portal = portal.withReference(LanPrinters.reference(lanPrinterId));
            if (lan.get().discovery().printerId().isPresent()) {
                portal = portal.withPrinterId(lan.get().discovery().printerId().get());
            }
        }
        String printerId = request.getParameter("printerId");
        if (printerId != null && !printerId.isBlank()) {
            portal = portal.withPrinterId(printerId);
        }
        response.setHeader("Cache-Control", "no-store");
        // The module binds the flow to this browser with a cookie on this very response.
        response.sendRedirect(connections.portalUrl(portal, response::addHeader).toString());
    }
}
