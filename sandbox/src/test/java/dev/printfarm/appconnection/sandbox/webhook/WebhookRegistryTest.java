package dev.printfarm.appconnection.sandbox.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
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

    @Test
    void allListsEveryRegistrationByConnection() {
        WebhookRegistration first = registration("C2", "P2", "http://localhost/a");
        WebhookRegistration second = registration("C3", "P1", "http://localhost/b");
        registry.register(second);
        registry.register(first);

        assertEquals(List.of(first, second), registry.all());
    }

    @Test
    void everyChangeIsReportedAndNothingElse() {
        AtomicInteger changes = new AtomicInteger();
        registry.onChange(changes::incrementAndGet);

        registry.register(registration("C1", "P1", "http://localhost/a"));
        registry.register(registration("C1", "P1", "http://localhost/b"));
        assertEquals(2, changes.get());
        assertTrue(registry.delete("C1"));
        assertFalse(registry.delete("C1"));
        registry.find("C1");
        assertEquals(3, changes.get());
        registry.clear();
        assertEquals(4, changes.get());
    }

    private static WebhookRegistration registration(String connectionId, String printerId, String url) {
        return WebhookRegistration.of(
                connectionId, printerId, url, Set.of(), Instant.parse("2026-11-28T10:00:00Z"), "http://h");
    }
}
