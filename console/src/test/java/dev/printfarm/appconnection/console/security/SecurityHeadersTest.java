package dev.printfarm.appconnection.console.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.printfarm.appconnection.console.testing.FakeRequest;
import dev.printfarm.appconnection.console.testing.FakeResponse;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every console answer carries the security headers, including the ones the rest of the chain cuts short. */
class SecurityHeadersTest {

    static void assertSecurityHeaders(FakeResponse response) {
        assertEquals("nosniff", response.header("X-Content-Type-Options"));
        assertEquals(
                "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:;"
                        + " connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
                response.header("Content-Security-Policy"));
        assertEquals("no-referrer", response.header("Referrer-Policy"));
        assertEquals("DENY", response.header("X-Frame-Options"));
    }

    @Test
    void theFilterSetsTheHeadersBeforeTheRestOfTheChainAnswers() throws Exception {
        FakeResponse response = new FakeResponse();
        boolean[] reached = {false};
        new SecurityHeadersFilter()
                .doFilter(
                        FakeRequest.of("GET", "/webcam/nobody/snapshot").proxy(),
                        response.proxy(),
                        (request, answer) -> {
                            reached[0] = true;
                            ((HttpServletResponse) answer).sendError(404);
                        });
        assertTrue(reached[0], "the request goes on");
        assertEquals(404, response.status);
        assertSecurityHeaders(response);
    }

    @Test
    void thePolicyAllowsNoInlineScriptOrStyleAndNoOtherOrigin() {
        Map<String, String> directives = new java.util.HashMap<>();
        for (String directive : SecurityHeaders.CONTENT_SECURITY_POLICY.split(";")) {
            String[] words = directive.strip().split(" ", 2);
            directives.put(words[0], words[1]);
        }
        assertEquals("'self'", directives.get("script-src"));
        assertEquals("'self'", directives.get("style-src"));
        assertEquals("'none'", directives.get("frame-ancestors"));
        assertFalse(SecurityHeaders.CONTENT_SECURITY_POLICY.contains("unsafe"));
        assertFalse(SecurityHeaders.CONTENT_SECURITY_POLICY.contains("*"));
    }
}
