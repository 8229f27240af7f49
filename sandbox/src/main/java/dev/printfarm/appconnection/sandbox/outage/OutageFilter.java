package dev.printfarm.appconnection.sandbox.outage;

import dev.printfarm.appconnection.sandbox.web.ConnectionDrop;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Stands in for OctoEverywhere while it restarts: during a {@link RelayOutage} every request to the relay (WebSocket
 * handshakes included) and to the App APIs loses its connection before any answer, or where the container does not let
 * the sandbox do that, gets a 502 with an empty body. Control endpoints, the portal and the LAN faces are not filtered.
 * Asynchronous support is needed because the relay servlet answers asynchronously behind it.
 */
@WebFilter(
        urlPatterns = {"/relay/*", "/api/*"},
        asyncSupported = true)
public class OutageFilter extends HttpFilter {

    static final int NO_DROP_STATUS = 502;

    @Inject
    private RelayOutage outage;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!outage.refuses(request.getMethod(), pathOf(request), request.getRemotePort())) {
            chain.doFilter(request, response);
            return;
        }
        refuse(request, response);
    }

    /** The path below the sandbox, without the query: {@code /relay/<connectionId>/api/job}. */
    static String pathOf(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }

    static void refuse(HttpServletRequest request, HttpServletResponse response) {
        if (!ConnectionDrop.drop(request)) {
            response.setStatus(NO_DROP_STATUS);
            response.setContentLength(0);
        }
    }
}
