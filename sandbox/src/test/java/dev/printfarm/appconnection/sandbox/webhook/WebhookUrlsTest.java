package dev.printfarm.appconnection.sandbox.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class WebhookUrlsTest {

    @Test
    void loopbackHttpAndHttpsUrlsAreAccepted() {
        for (String url : List.of(
                "http://localhost:9080/hook",
                "https://LOCALHOST/hook?token=abc&x=1",
                "http://127.0.0.1:8080/",
                "http://127.3.4.5/h",
                "http://[::1]:9000/hook")) {
            assertTrue(WebhookUrls.problem(url).isEmpty(), url + ": " + WebhookUrls.problem(url));
        }
    }

    @Test
    void otherHostsSchemesAndShapesAreRefused() {
        for (String url : List.of(
                "",
                " ",
                "hook",
                "/relative/hook",
                "ftp://localhost/hook",
                "mailto:a@localhost",
                "http://example.com/hook",
                "http://10.0.0.5/hook",
                "http://128.0.0.1/hook",
                "http://localhost.evil.com/",
                "http://127.0.0.1.nip.io/",
                "http://[::2]/",
                "http://local host/",
                "http:///nohost",
                "http://localhost/" + "x".repeat(WebhookUrls.MAX_LENGTH))) {
            assertTrue(WebhookUrls.problem(url).isPresent(), url);
        }
        assertTrue(WebhookUrls.problem(null).isPresent());
        assertTrue(WebhookUrls.problem("http://example.com/").orElseThrow().contains("localhost"));
    }

    @Test
    void loopbackNamesNeedNoResolution() {
        assertTrue(WebhookUrls.isLoopbackName("localhost"));
        assertTrue(WebhookUrls.isLoopbackName("127.0.0.1"));
        assertTrue(WebhookUrls.isLoopbackName("[::1]"));
        assertFalse(WebhookUrls.isLoopbackName("127.0.0.256"));
        assertFalse(WebhookUrls.isLoopbackName("0.0.0.0"));
        assertFalse(WebhookUrls.isLoopbackName("printer.local"));
    }

    @Test
    void maskingHidesEveryQueryValueAndUserInfoButKeepsTheRest() {
        assertEquals(
                "http://localhost:8080/hooks/octo?token=***&printer=***",
                WebhookUrls.masked("http://localhost:8080/hooks/octo?token=s3cret&printer=P1"));
        assertEquals("https://***@127.0.0.1/h?***&a=***", WebhookUrls.masked("https://u:p@127.0.0.1/h?bare&a="));
        assertEquals("http://localhost/plain", WebhookUrls.masked("http://localhost/plain"));
        assertEquals("http://[::1]:9/h?k=***", WebhookUrls.masked("http://[::1]:9/h?k=v"));
    }
}
