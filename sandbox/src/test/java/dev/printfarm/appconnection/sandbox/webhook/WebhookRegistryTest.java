package dev.printfarm.appconnection.sandbox.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WebhookRegistryTest {

    private final WebhookRegistry registry = new WebhookRegistry();

    @Test
    void aPrinterHasWebhooksWhileAnyOfItsConnectionsHasOne() {
        registry.register(registration("C1", "P1", "http://localhost/a"));
        registry.register(registration("C2", "P1", "http://localhost/b"));
        registry.register(registration("C1", "P1", "http://localhost/c"));
        registry.register(registration("C3", "P2", "http://localhost/d"));

        assertEquals(Set.of("P1", "P2"), registry.printerIds());
        assertTrue(registry.delete("C1"));
        assertTrue(registry.anyFor("P1"));
        assertTrue(registry.delete("C2"));
        assertFalse(registry.anyFor("P1"));
        assertFalse(registry.delete("C2"));
        assertEquals(Set.of("P2"), registry.printerIds());

        registry.clear();

        assertEquals(Set.of(), registry.printerIds());
        assertTrue(registry.find("C3").isEmpty());
    }

    private static WebhookRegistration registration(String connectionId, String printerId, String url) {
        return WebhookRegistration.of(connectionId, printerId, url, Set.of(), Instant.parse("2026-11-28T10:00:00Z"),
                "http://h");
    }
}
