package dev.printfarm.appconnection.sandbox.relay;

import dev.printfarm.appconnection.sandbox.config.SandboxSettings;
import dev.printfarm.appconnection.sandbox.web.BaseUrl;
import dev.printfarm.appconnection.sandbox.web.DelayedResponses;
import dev.printfarm.appconnection.sandbox.web.QueryString;
import dev.printfarm.appconnection.sandbox.web.ReceivedBody;
import dev.printfarm.appconnection.sandbox.web.Replies;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import java.util.OptionalLong;

/** {@code /relay/{connectionId}/{printer path}} for every HTTP method. Latency is served without holding a thread. */
@WebServlet(urlPatterns = "/relay/*", asyncSupported = true)
public class RelayServlet extends HttpServlet {

    @Inject
    private RelayRouter router;

    @Inject
    private SandboxSettings settings;

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
        RelayRequest relayed = RelayRequest.of(request.getPathInfo(), request.getMethod(),
                Optional.ofNullable(request.getHeader("Authorization")),
                Optional.ofNullable(request.getHeader("X-Api-Key")));
        long length = request.getContentLengthLong();
        ReceivedBody body = router.receive(relayed.connectionId(), request.getInputStream());
        RelayAnswer answer = router.answer(relayed.with(QueryString.parse(request.getQueryString()),
                Optional.ofNullable(request.getContentType()),
                length >= 0 ? OptionalLong.of(length) : OptionalLong.empty(), body,
                BaseUrl.relayBase(BaseUrl.of(request, settings)) + "/" + relayed.connectionId()));
        boolean withBody = !"HEAD".equals(request.getMethod());
        responses.send(request, response, answer.delayMs(), out -> {
            if (answer.reset()) {
                Replies.abort(out);
            } else {
                Replies.write(out, answer.status(), answer.headers(), answer.body(), answer.raw(), withBody);
            }
        });
    }
}
