package dev.printfarm.appconnection.sandbox.lan;

import dev.printfarm.appconnection.sandbox.web.DelayedResponses;
import dev.printfarm.appconnection.sandbox.web.JsonResponses;
import jakarta.inject.Inject;
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
 *
 * <p>A printer whose LAN is "down" answers 503 with an empty body and {@code X-Sandbox-Lan: down}. A real LAN
 * failure is a refused or timed-out TCP connection, which a servlet inside a running server cannot produce; clients
 * under test should treat this answer like such a failure. Combined with {@code latencyMs} it stands in for the
 * timed-out kind.
 */
@WebServlet(urlPatterns = "/lan/*", asyncSupported = true)
public class LanServlet extends HttpServlet {

    @Inject
    private LanRouter router;

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
        LanAnswer answer = router.answer(LanRequest.of(request.getPathInfo(), request.getMethod(), headers(request)));
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
        answer.headers().forEach(response::setHeader);
        if (answer.body().isPresent()) {
            JsonResponses.write(response, answer.status(), answer.body().get(), withBody);
        } else {
            response.setStatus(answer.status());
            response.setContentLength(0);
        }
    }
}
