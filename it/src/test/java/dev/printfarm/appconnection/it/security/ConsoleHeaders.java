package dev.printfarm.appconnection.it.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;

/**
 * The headers every answer of the farm console carries, whatever answers: the browser must not sniff a type, run
 * inline script, frame the console, or tell another site which console URL it came from.
 */
final class ConsoleHeaders {

    private ConsoleHeaders() {}

    /** Fails naming {@code what} (e.g. "the 401 of the API") when one of the headers is missing or too weak. */
    static void assertOn(HttpResponse<?> answer, String what) {
        String where = what + " (" + answer.statusCode() + " " + answer.uri() + ")";
        assertEquals(
                "nosniff", answer.headers().firstValue("X-Content-Type-Options").orElse(null), where);
        String policy = answer.headers().firstValue("Content-Security-Policy").orElse("");
        assertTrue(policy.contains("frame-ancestors 'none'"), where + ": " + policy);
        assertTrue(policy.contains("script-src 'self'"), where + ": " + policy);
        assertFalse(policy.contains("'unsafe-inline'"), where + ": " + policy);
        assertEquals(
                "no-referrer", answer.headers().firstValue("Referrer-Policy").orElse(null), where);
    }
}
