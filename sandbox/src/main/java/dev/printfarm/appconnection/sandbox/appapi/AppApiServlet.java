package dev.printfarm.appconnection.sandbox.appapi;

import dev.printfarm.appconnection.sandbox.config.SandboxSettings;
import dev.printfarm.appconnection.sandbox.web.BaseUrl;
import dev.printfarm.appconnection.sandbox.web.JsonResponses;
import dev.printfarm.appconnection.sandbox.web.ReceivedBody;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * The App APIs other than Info (Live Links, Gadget, notification webhooks): a servlet because they answer 6xx.
 * A wrong method answers 405 with an {@code Allow} header.
 */
@WebServlet(
        urlPatterns = {
            AppApiServlet.LIVE,
            AppApiServlet.GADGET,
            AppApiServlet.SET_WEBHOOK,
            AppApiServlet.DELETE_WEBHOOK,
            AppApiServlet.TEST_WEBHOOK
        })
public class AppApiServlet extends HttpServlet {

    static final String LIVE = "/api/live/createfromappconnection";
    static final String GADGET = "/api/gadget/GetStatusFromAppConnection";
    static final String SET_WEBHOOK = "/api/appconnection/SetNotificationWebhook";
    static final String DELETE_WEBHOOK = "/api/appconnection/DeleteNotificationWebhook";
    static final String TEST_WEBHOOK = "/api/appconnection/TestWebhook";

    private record Endpoint(String method, BiFunction<AppApiRouter, AppApiRequest, AppApiAnswer> call) {}

    private static final Map<String, Endpoint> ENDPOINTS = Map.of(
            LIVE, new Endpoint("POST", AppApiRouter::createLiveLink),
            GADGET, new Endpoint("POST", AppApiRouter::gadgetStatus),
            SET_WEBHOOK, new Endpoint("POST", AppApiRouter::setWebhook),
            DELETE_WEBHOOK, new Endpoint("POST", AppApiRouter::deleteWebhook),
            TEST_WEBHOOK, new Endpoint("GET", AppApiRouter::testWebhook));

    @Inject
    private AppApiRouter router;

    @Inject
    private SandboxSettings settings;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Endpoint endpoint = ENDPOINTS.get(request.getServletPath());
        if (endpoint == null || !endpoint.method().equals(request.getMethod())) {
            String allowed = endpoint == null ? "" : endpoint.method();
            response.setHeader("Allow", allowed);
            AppApiAnswer answer = AppApiAnswer.error(405, "Use " + allowed + ".");
            JsonResponses.write(response, answer.status(), answer.body(), !"HEAD".equals(request.getMethod()));
            return;
        }
        Optional<String> token = Optional.ofNullable(request.getHeader("AppToken"));
        String base = BaseUrl.of(request, settings);
        AppApiRequest received = "POST".equals(endpoint.method())
                ? AppApiRequest.post(
                        token, ReceivedBody.read(request.getInputStream(), AppApiRequest.MAX_BODY_BYTES), base)
                : AppApiRequest.get(token, base);
        AppApiAnswer answer = endpoint.call().apply(router, received);
        JsonResponses.write(response, answer.status(), answer.body(), true);
    }
}
