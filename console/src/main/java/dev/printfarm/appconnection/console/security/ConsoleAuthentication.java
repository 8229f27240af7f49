package dev.printfarm.appconnection.console.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.AutoApplySession;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

/**
 * How an operator proves who they are: the login form ({@code POST /login}, then the session) for the page, or HTTP
 * Basic on any request for scripts. A page request without a login goes to the login form; an API request gets 401
 * (with a Basic challenge only when the caller is not the console's own page, so browsers show no password dialog
 * over the page). Failed logins are throttled ({@link LoginThrottle}): a locked user name or address gets 429 with
 * {@code Retry-After}, and its password is not checked. Every request passes here first: plain HTTP is sent to HTTPS
 * here ({@link HttpsRedirect}) when the console is published over HTTPS.
 */
@ApplicationScoped
@AutoApplySession
public class ConsoleAuthentication implements HttpAuthenticationMechanism {

    /** The console's page sets this on its API calls. */
    public static final String PAGE_HEADER = "X-Console-Page";

    @Inject
    IdentityStoreHandler identities;

    @Inject
    LoginThrottle throttle;

    @Inject
    HttpsRedirect https;

    @Override
    public AuthenticationStatus validateRequest(
            HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        // Liberty sends this mechanism's own answers (401, 429, redirects) without running the filters.
        SecurityHeaders.apply(response);
        Optional<String> secure = https.target(request);
        if (secure.isPresent()) {
            // Before any password is looked at; SEND_CONTINUE: Liberty sends the answer as written.
            response.setStatus(308);
            response.setHeader("Location", secure.get());
            return AuthenticationStatus.SEND_CONTINUE;
        }
        String authorization = request.getHeader("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            Optional<UsernamePasswordCredential> login =
                    basic(authorization.substring(6).strip());
            if (login.isEmpty()) {
                return unauthorized(request, response, context);
            }
            Optional<Duration> wait = throttle.lockedFor(login.get().getCaller(), request.getRemoteAddr());
            if (wait.isPresent()) {
                return tooManyFailures(
                        response,
                        wait.get(),
                        "application/json",
                        "{\"error\":{\"type\":"
                                + "\"TooManyRequests\",\"message\":\"Too many failed logins: try again in "
                                + LoginThrottle.seconds(wait.get()) + " seconds\"}}");
            }
            CredentialValidationResult result = validate(login.get(), request);
            if (result.getStatus() == CredentialValidationResult.Status.VALID) {
                return context.notifyContainerAboutLogin(result);
            }
            return unauthorized(request, response, context);
        }
        if ("POST".equals(request.getMethod()) && "/login".equals(path(request))) {
            if (!SameOrigin.allows(request)) {
                return context.responseNotFound();
            }
            UsernamePasswordCredential login = new UsernamePasswordCredential(
                    String.valueOf(request.getParameter("username")), String.valueOf(request.getParameter("password")));
            Optional<Duration> wait = throttle.lockedFor(login.getCaller(), request.getRemoteAddr());
            if (wait.isPresent()) {
                return tooManyFailures(response, wait.get(), "text/html;charset=UTF-8", lockedPage(wait.get()));
            }
            CredentialValidationResult result = validate(login, request);
            if (result.getStatus() == CredentialValidationResult.Status.VALID) {
                return context.notifyContainerAboutLogin(result);
            }
            return context.redirect(request.getContextPath() + "/login.html?failed");
        }
        if (!context.isProtected()) {
            return context.doNothing();
        }
        String path = path(request);
        if (path.startsWith("/api/") || request.getHeader(PAGE_HEADER) != null) {
            return unauthorized(request, response, context);
        }
        return context.redirect(request.getContextPath() + "/login.html");
    }

    /** Checks the password and tells the throttle how it went. */
    private CredentialValidationResult validate(UsernamePasswordCredential login, HttpServletRequest request) {
        CredentialValidationResult result = identities.validate(login);
        if (result.getStatus() == CredentialValidationResult.Status.VALID) {
            throttle.succeeded(login.getCaller());
        } else {
            throttle.failed(login.getCaller(), request.getRemoteAddr());
        }
        return result;
    }

    private static Optional<UsernamePasswordCredential> basic(String encoded) {
        String pair;
        try {
            pair = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        int colon = pair.indexOf(':');
        if (colon < 0) {
            return Optional.empty();
        }
        return Optional.of(new UsernamePasswordCredential(pair.substring(0, colon), pair.substring(colon + 1)));
    }

    /**
     * 429 with {@code Retry-After}. SEND_CONTINUE, as for any answer the mechanism wrote in full: Liberty returns it
     * as it is (after SEND_FAILURE it would still serve a page that needs no login).
     */
    private static AuthenticationStatus tooManyFailures(
            HttpServletResponse response, Duration wait, String type, String body) {
        response.setStatus(429);
        response.setHeader("Retry-After", String.valueOf(LoginThrottle.seconds(wait)));
        response.setHeader("Cache-Control", "no-store");
        response.setContentType(type);
        try {
            response.getWriter().write(body);
        } catch (IOException e) {
            // The caller left; nothing to tell it.
        }
        return AuthenticationStatus.SEND_CONTINUE;
    }

    /** The login form's answer while locked: the login page's look, and the way back to it. */
    private static String lockedPage(Duration wait) {
        long minutes = (LoginThrottle.seconds(wait) + 59) / 60;
        return "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Farm console: log in</title>"
                + "<link rel=\"stylesheet\" href=\"console.css\"></head>"
                + "<body class=\"login\"><main class=\"login-box\"><h1>Farm console</h1>"
                + "<p class=\"notice\" id=\"locked\">Too many failed logins. Try again in " + minutes
                + (minutes == 1 ? " minute" : " minutes") + ".</p>"
                + "<p><a href=\"login.html\">Back to the login page</a></p></main></body></html>";
    }

    private static AuthenticationStatus unauthorized(
            HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        if (request.getHeader(PAGE_HEADER) == null) {
            response.setHeader("WWW-Authenticate", "Basic realm=\"farm console\", charset=\"UTF-8\"");
        }
        try {
            response.setStatus(401);
            response.setContentType("application/json");
            response.getWriter()
                    .write("{\"error\":{\"type\":\"Unauthorized\",\"message\":\"Log in as a farm operator"
                            + " (the console's login page, or HTTP Basic)\"}}");
        } catch (IOException e) {
            // The caller left; nothing to tell it.
        }
        return AuthenticationStatus.SEND_FAILURE;
    }

    static String path(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }
}
