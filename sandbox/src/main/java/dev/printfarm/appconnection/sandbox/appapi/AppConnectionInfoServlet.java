package dev.printfarm.appconnection.sandbox.appapi;

import dev.printfarm.appconnection.sandbox.config.SandboxSettings;
import dev.printfarm.appconnection.sandbox.web.BaseUrl;
import dev.printfarm.appconnection.sandbox.web.JsonResponses;
import jakarta.inject.Inject;
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
    private AppApiRouter router;

    @Inject
    private SandboxSettings settings;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        AppApiAnswer answer = router.info(
                AppApiRequest.get(Optional.ofNullable(request.getHeader("AppToken")), BaseUrl.of(request, settings)));
        JsonResponses.write(response, answer.status(), answer.body(), true);
    }
}
