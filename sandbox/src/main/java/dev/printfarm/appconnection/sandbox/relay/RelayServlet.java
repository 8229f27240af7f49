package dev.printfarm.appconnection.sandbox.relay;

import dev.printfarm.appconnection.sandbox.web.JsonResponses;
import jakarta.inject.Inject;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/** {@code /relay/{connectionId}/{printer path}} for every HTTP method. Latency is served without holding a thread. */
@WebServlet(urlPatterns = "/relay/*", asyncSupported = true)
public class RelayServlet extends HttpServlet {

    private static final Logger LOG = Logger.getLogger(RelayServlet.class.getName());
    private static final long ASYNC_TIMEOUT_MARGIN_MS = 30_000;

    @Inject
    private RelayRouter router;

    private ScheduledExecutorService delays;

    @Override
    public void init() {
        delays = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "sandbox-relay-latency");
            thread.setDaemon(true);
            return thread;
        });
    }

    @Override
    public void destroy() {
        delays.shutdownNow();
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        RelayAnswer answer = router.answer(RelayRequest.of(request.getPathInfo(), request.getMethod(),
                Optional.ofNullable(request.getHeader("Authorization")),
                Optional.ofNullable(request.getHeader("X-Api-Key"))));
        boolean withBody = !"HEAD".equals(request.getMethod());
        if (answer.delayMs() == 0) {
            JsonResponses.write(response, answer.status(), answer.body(), withBody);
            return;
        }
        AsyncContext async = request.startAsync();
        async.setTimeout(answer.delayMs() + ASYNC_TIMEOUT_MARGIN_MS);
        delays.schedule(() -> async.start(() -> complete(async, answer, withBody)),
                answer.delayMs(), TimeUnit.MILLISECONDS);
    }

    private static void complete(AsyncContext async, RelayAnswer answer, boolean withBody) {
        try {
            JsonResponses.write((HttpServletResponse) async.getResponse(), answer.status(), answer.body(), withBody);
            async.complete();
        } catch (IOException | IllegalStateException clientGoneOrTimedOut) {
            LOG.log(Level.FINE, "Delayed relay answer could not be written", clientGoneOrTimedOut);
        }
    }
}
