package dev.printfarm.appconnection.sandbox.appapi;

import dev.printfarm.appconnection.sandbox.web.JsonResponses;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.OptionalInt;

/**
 * Answers App API requests with the {@link AppApiFault}'s status and OctoEverywhere's error body while a plan is on,
 * before any check of the request (token, connection). The relay, the portal and the control API are not filtered.
 */
@WebFilter(urlPatterns = "/api/*")
public class AppApiFaultFilter extends HttpFilter {

    @Inject
    AppApiFault fault;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        OptionalInt status = fault.take();
        if (status.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        answer(status.getAsInt(), !"HEAD".equals(request.getMethod()), response);
    }

    static void answer(int status, boolean withBody, HttpServletResponse response) throws IOException {
        AppApiAnswer answer = AppApiAnswer.failure(status);
        JsonResponses.write(response, answer.status(), answer.body(), withBody);
    }
}
