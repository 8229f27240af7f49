package dev.printfarm.appconnection.console.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;

/**
 * Cross-site request forgery: a state-changing request ({@code POST}, {@code PUT}, {@code PATCH}, {@code DELETE}) to
 * the console's API or {@code /logout} must come from the console's own origin ({@link SameOrigin}), and one that
 * relies on the login session (no {@code Authorization} header) must also carry the session's token in
 * {@value #HEADER}, which the page reads from {@code GET /api/session}. {@code /logout} (a plain form) needs only the
 * origin. Refused: 403 with a JSON error.
 */
@WebFilter(
        urlPatterns = {"/api/*", "/logout"},
        asyncSupported = true)
public class CsrfFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;
    public static final String HEADER = "X-CSRF-Token";
    private static final String ATTRIBUTE = CsrfFilter.class.getName() + ".token";
    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");
    private static final SecureRandom RANDOM = new SecureRandom();

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (SAFE.contains(request.getMethod()) || allowed(request)) {
            chain.doFilter(request, response);
            return;
        }
        response.setStatus(403);
        response.setContentType("application/json");
        response.getWriter()
                .write("{\"error\":{\"type\":\"Forbidden\",\"message\":\"Cross-site request refused: send it"
                        + " from the console's page (with its " + HEADER
                        + " header) or with HTTP Basic from a script\"}}");
    }

    private static boolean allowed(HttpServletRequest request) {
        if (!SameOrigin.allows(request)) {
            return false;
        }
        if ("/logout".equals(request.getServletPath())) {
            return true;
        }
        String authorization = request.getHeader("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return true;
        }
        HttpSession session = request.getSession(false);
        String expected = session == null ? null : (String) session.getAttribute(ATTRIBUTE);
        String given = request.getHeader(HEADER);
        return expected != null
                && given != null
                && MessageDigest.isEqual(
                        expected.getBytes(StandardCharsets.US_ASCII), given.getBytes(StandardCharsets.US_ASCII));
    }

    /** The session's token, made on first use. */
    public static String token(HttpServletRequest request) {
        HttpSession session = request.getSession(true);
        synchronized (session) {
            String token = (String) session.getAttribute(ATTRIBUTE);
            if (token == null) {
                byte[] bytes = new byte[32];
                RANDOM.nextBytes(bytes);
                token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
                session.setAttribute(ATTRIBUTE, token);
            }
            return token;
        }
    }
}
