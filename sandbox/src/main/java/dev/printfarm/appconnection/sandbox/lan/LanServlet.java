package dev.printfarm.appconnection.sandbox.lan;

import dev.printfarm.appconnection.sandbox.config.SandboxSettings;
import dev.printfarm.appconnection.sandbox.web.BaseUrl;
import dev.printfarm.appconnection.sandbox.web.DelayedResponses;
import dev.printfarm.appconnection.sandbox.web.QueryString;
import dev.printfarm.appconnection.sandbox.web.ReceivedBody;
import dev.printfarm.appconnection.sandbox.web.Replies;
import dev.printfarm.appconnection.sandbox.webcam.WebcamAction;
import dev.printfarm.appconnection.sandbox.webcam.WebcamBoard;
import dev.printfarm.appconnection.sandbox.webcam.WebcamHttp;
import dev.printfarm.appconnection.sandbox.webcam.WebcamView;
import jakarta.inject.Inject;
import jakarta.json.JsonValue;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code /lan/{printerId}/{printer path}}: the printer's OctoPrint as reached directly on the local network.
 * {@code /lan-ip/{ip}/{printer path}} answers the same for the printer whose LAN address is {@code ip}, for clients
 * that know only the address; 404 when no printer, or more than one, has it.
 *
 * <p>A printer whose LAN is "down" answers 503 with an empty body and {@code X-Sandbox-Lan: down}. A real LAN
 * failure is a refused or timed-out TCP connection, which a servlet inside a running server cannot produce; clients
 * under test should treat this answer like such a failure. Combined with {@code latencyMs} it stands in for the
 * timed-out kind.
 *
 * <p>The webcam ({@code /webcam/?action=snapshot|stream}) is served here too, without OctoEverywhere's limits: a
 * stream sends from its request's thread until the client leaves or the sandbox is reset.
 */
@WebServlet(
        urlPatterns = {"/lan/*", "/lan-ip/*"},
        asyncSupported = true)
public class LanServlet extends HttpServlet {

    static final String BY_LAN_IP = "/lan-ip";

    @Inject
    private LanRouter router;

    @Inject
    private SandboxSettings settings;

    @Inject
    private WebcamBoard webcams;

    private DelayedResponses responses;

    @Override
    public void init() {
        responses = new DelayedResponses("sandbox-lan-latency");
    }

    @Override
    public void destroy() {
        responses.close();
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        LanRequest received = router.addressed(
                BY_LAN_IP.equals(request.getServletPath())
                        ? LanRequest.byLanIp(request.getPathInfo(), request.getMethod(), headers(request))
                        : LanRequest.of(request.getPathInfo(), request.getMethod(), headers(request)));
        ReceivedBody body = ReceivedBody.read(request.getInputStream(), router.keepAtMost(received.printerId()));
        LanAnswer answer = router.answer(received.with(
                QueryString.parse(request.getQueryString()), body, received.lanUrl(BaseUrl.of(request, settings))));
        if (answer.webcam().isPresent()) {
            WebcamView view = answer.webcam().get();
            if (view.action() == WebcamAction.SNAPSHOT) {
                responses.send(
                        request, response, answer.delayMs(), out -> WebcamHttp.snapshot(out, webcams.snapshot(view)));
            } else {
                WebcamHttp.stream(response, webcams.openStream(view, answer.delayMs()));
            }
            return;
        }
        boolean withBody = !"HEAD".equals(request.getMethod());
        responses.send(request, response, answer.delayMs(), out -> write(out, answer, withBody));
    }

    private static Map<String, List<String>> headers(HttpServletRequest request) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (String name : Collections.list(request.getHeaderNames())) {
            headers.put(name, Collections.list(request.getHeaders(name)));
        }
        return headers;
    }

    private static void write(HttpServletResponse response, LanAnswer answer, boolean withBody) throws IOException {
        Replies.write(
                response,
                answer.status(),
                answer.headers(),
                answer.body().orElse(JsonValue.EMPTY_JSON_OBJECT),
                answer.body().isPresent() ? java.util.Optional.empty() : answer.raw(),
                withBody);
    }
}
