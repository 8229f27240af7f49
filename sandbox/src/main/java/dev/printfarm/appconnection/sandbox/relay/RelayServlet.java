package dev.printfarm.appconnection.sandbox.relay;

import dev.printfarm.appconnection.sandbox.web.DelayedResponses;
import dev.printfarm.appconnection.sandbox.web.JsonResponses;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;

/** {@code /relay/{connectionId}/{printer path}} for every HTTP method. Latency is served without holding a thread. */
@WebServlet(urlPatterns = "/relay/*", asyncSupported = true)
public class RelayServlet extends HttpServlet {

    @Inject
    private RelayRouter router;

    private DelayedResponses responses;

    @Override
    public void init() {
        responses = new DelayedResponses("sandbox-relay-latency");
    }

    @Override
    public void destroy() {
        responses.close();
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        RelayAnswer answer = router.answer(RelayRequest.of(request.getPathInfo(), request.getMethod(),
                Optional.ofNullable(request.getHeader("Authorization")),
                Optional.ofNullable(request.getHeader("X-Api-Key"))));
        boolean withBody = !"HEAD".equals(request.getMethod());
        responses.send(request, response, answer.delayMs(),
                out -> JsonResponses.write(out, answer.status(), answer.body(), withBody));
    }
}
