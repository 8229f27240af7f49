package dev.printfarm.appconnection.it;

import dev.printfarm.appconnection.api.AppConnectionService;
import dev.printfarm.appconnection.api.error.AppConnectionException;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * A second application of the module on the test server, sharing the store as another server would, driven by
 * {@link OpenedConnectionsIT} in plain text: {@code GET /other-app/job/{id}} asks the printer's job ({@code ok}, or the
 * failure's type and status, e.g. {@code ConnectionGoneException 604}); {@code POST /other-app/remove/{id}} removes the
 * connection ({@code true} or {@code false}).
 */
@WebServlet("/other-app/*")
public class OtherApplicationProbe extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    transient AppConnectionService service;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String[] path = request.getPathInfo().substring(1).split("/", 2);
        if (!"job".equals(path[0])) {
            response.sendError(404);
            return;
        }
        String answer;
        try {
            service.octoPrint(path[1]).job();
            answer = "ok";
        } catch (AppConnectionException e) {
            answer = e.getClass().getSimpleName() + " "
                    + (e.octoEverywhereCode().isPresent()
                            ? e.octoEverywhereCode().getAsInt()
                            : "-");
        }
        write(response, answer);
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String[] path = request.getPathInfo().substring(1).split("/", 2);
        if (!"remove".equals(path[0])) {
            response.sendError(404);
            return;
        }
        write(response, String.valueOf(service.remove(path[1])));
    }

    private static void write(HttpServletResponse response, String answer) throws IOException {
        response.setContentType("text/plain;charset=UTF-8");
        response.getWriter().write(answer);
    }
}
