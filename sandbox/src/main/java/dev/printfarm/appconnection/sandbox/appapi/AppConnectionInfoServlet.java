package dev.printfarm.appconnection.sandbox.appapi;

import dev.printfarm.appconnection.sandbox.config.SandboxSettings;
import dev.printfarm.appconnection.sandbox.connection.AppConnection;
import dev.printfarm.appconnection.sandbox.connection.ConnectionRegistry;
import dev.printfarm.appconnection.sandbox.printer.EmulatedPrinter;
import dev.printfarm.appconnection.sandbox.printer.PrinterRegistry;
import dev.printfarm.appconnection.sandbox.web.BaseUrl;
import dev.printfarm.appconnection.sandbox.web.JsonResponses;
import dev.printfarm.appconnection.sandbox.web.OctoEverywhereErrors;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;

/** {@code GET /api/appconnection/info}: a servlet rather than a JAX-RS resource because it answers 6xx. */
@WebServlet("/api/appconnection/info")
public class AppConnectionInfoServlet extends HttpServlet {

    @Inject
    private ConnectionRegistry connections;

    @Inject
    private PrinterRegistry printers;

    @Inject
    private SandboxSettings settings;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String token = request.getHeader("AppToken");
        if (token == null || token.isBlank()) {
            JsonResponses.write(response, 400,
                    Json.createObjectBuilder().add("Error", "The AppToken header is required.").build(), true);
            return;
        }
        Optional<AppConnection> connection = connections.findByAppApiToken(token.strip());
        Optional<EmulatedPrinter> printer = connection.flatMap(found -> printers.find(found.printerId()));
        if (printer.isEmpty()) {
            JsonResponses.write(response, 603, OctoEverywhereErrors.body(603), true);
            return;
        }
        if (connections.isRevoked(connection.get().id())) {
            JsonResponses.write(response, 604, OctoEverywhereErrors.body(604), true);
            return;
        }
        String base = BaseUrl.of(request, settings);
        ConnectionInfo info = ConnectionInfo.of(printer.get(), BaseUrl.userPrinterUrl(base, printer.get().id()));
        JsonResponses.write(response, info.status(), info.body(), true);
    }
}
