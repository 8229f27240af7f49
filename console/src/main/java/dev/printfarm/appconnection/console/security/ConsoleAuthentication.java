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
import java.util.Base64;

/**
 * How an operator proves who they are: the login form ({@code POST /login}, then the session) for the page, or HTTP
 * Basic on any request for scripts. A page request without a login goes to the login form; an API request gets 401
 * (with a Basic challenge only when the caller is not the console's own page, so browsers show no password dialog
 * over the page).
 */
@ApplicationScoped
@AutoApplySession
public class ConsoleAuthentication implements HttpAuthenticationMechanism {

    /** The console's page sets this on its API calls. */
    public static final String PAGE_HEADER = "X-Console-Page";

    @Inject
    IdentityStoreHandler identities;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) {
        // Liberty sends this mechanism's own answers (401, redirects) without running the filters.
        SecurityHeaders.apply(response);
        String authorization = request.getHeader("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            CredentialValidationResult result = basic(authorization.substring(6).strip());
            if (result.getStatus() == CredentialValidationResult.Status.VALID) {
                return context.notifyContainerAboutLogin(result);
            }
            return unauthorized(request, response, context);
        }
        if ("POST".equals(request.getMethod()) && "/login".equals(path(request))) {
            if (!SameOrigin.allows(request)) {
                return context.responseNotFound();
            }
            CredentialValidationResult result = identities.validate(new UsernamePasswordCredential(
                    String.valueOf(request.getParameter("username")), String.valueOf(request.getParameter("password"))));
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

    private CredentialValidationResult basic(String encoded) {
        String pair;
        try {
            pair = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return CredentialValidationResult.INVALID_RESULT;
        }
        int colon = pair.indexOf(':');
        if (colon < 0) {
            return CredentialValidationResult.INVALID_RESULT;
        }
        return identities.validate(new UsernamePasswordCredential(pair.substring(0, colon), pair.substring(colon + 1)));
    }

    private static AuthenticationStatus unauthorized(HttpServletRequest request, HttpServletResponse response,
                                                     HttpMessageContext context) {
        if (request.getHeader(PAGE_HEADER) == null) {
            response.setHeader("WWW-Authenticate", "Basic realm=\"farm console\", charset=\"UTF-8\"");
        }
        try {
            response.setStatus(401);
            response.setContentType("application/json");
            response.getWriter().write("{\"error\":{\"type\":\"Unauthorized\",\"message\":\"Log in as a farm operator"
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
