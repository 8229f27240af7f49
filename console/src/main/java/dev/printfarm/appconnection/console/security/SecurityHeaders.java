package dev.printfarm.appconnection.console.security;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The headers on every answer of the console, set by {@link SecurityHeadersFilter} and, for the answers Liberty sends
 * without running the filters (the login mechanism's 401, 429 and redirects), by {@link ConsoleAuthentication}.
 */
public final class SecurityHeaders {

    /**
     * Only the console's own scripts, styles and connections; pictures from the console (the webcam), {@code data:}
     * and {@code blob:}; no plugins, no {@code <base>}, forms only to the console, never in a frame.
     */
    public static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self';"
            + " img-src 'self' data: blob:; connect-src 'self'; object-src 'none'; base-uri 'none';"
            + " form-action 'self'; frame-ancestors 'none'";

    /**
     * No referrer at all: a console URL names printers and connections. Under this policy browsers send {@code Origin:
     * null} with the page's own form posts (login, logout); {@link SameOrigin} then trusts the browser's own
     * {@code Sec-Fetch-Site}.
     */
    public static final String REFERRER_POLICY = "no-referrer";

    private SecurityHeaders() {}

    public static void apply(HttpServletResponse response) {
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        response.setHeader("Referrer-Policy", REFERRER_POLICY);
        response.setHeader("X-Frame-Options", "DENY");
    }
}
