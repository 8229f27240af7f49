package dev.printfarm.appconnection.sandbox.relay;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** Counts each request to the relay by the client port it came from ({@link ClientPorts}), whatever happens to it. */
@WebFilter(urlPatterns = "/relay/*", asyncSupported = true)
public class ClientPortFilter extends HttpFilter {

    @Inject
    private ClientPorts ports;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        ports.record(request.getRemotePort());
        chain.doFilter(request, response);
    }
}
