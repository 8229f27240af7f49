package dev.printfarm.appconnection.sandbox.connection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.printfarm.appconnection.sandbox.MutableClock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConnectionRegistryTest {

    private final MutableClock clock = MutableClock.at("2026-11-28T10:00:00Z");
    private final ConnectionRegistry registry = new ConnectionRegistry(clock);

    @Test
    void secretsHaveTheAdvertisedShape() {
        AppConnection connection = registry.create("PRINTER", "devtest", "http://localhost:9080/sandbox/relay", true);

        assertTrue(connection.id().matches("[0-9a-f]{32}"), connection.id());
        assertEquals("http://localhost:9080/sandbox/relay/" + connection.id(), connection.url());
        assertTrue(connection.authBasicHttpPassword().length() >= 32);
        assertTrue(connection.authBearerToken().length() >= 40);
        assertTrue(connection.appApiToken().length() >= 40);
        assertTrue(connection.octoPrintApiKey().orElseThrow().matches("[0-9A-F]{32}"));
        assertEquals(clock.instant(), connection.createdAt());
    }

    @Test
    void everyConnectionGetsFreshSecrets() {
        AppConnection first = registry.create("PRINTER", "devtest", "http://h/relay", true);
        AppConnection second = registry.create("PRINTER", "devtest", "http://h/relay", true);

        assertNotEquals(first.id(), second.id());
        assertNotEquals(first.authBasicHttpUser(), second.authBasicHttpUser());
        assertNotEquals(first.authBasicHttpPassword(), second.authBasicHttpPassword());
        assertNotEquals(first.authBearerToken(), second.authBearerToken());
        assertNotEquals(first.appApiToken(), second.appApiToken());
        assertNotEquals(first.octoPrintApiKey(), second.octoPrintApiKey());
    }

    @Test
    void octoPrintApiKeyIsIssuedOnlyWhenAskedFor() {
        assertTrue(registry.create("PRINTER", "devtest", "http://h/relay", false).octoPrintApiKey().isEmpty());
    }

    @Test
    void toStringShowsNoSecret() {
        AppConnection connection = registry.create("PRINTER", "devtest", "http://h/relay", true);
        String text = connection.toString();

        for (String secret : List.of(connection.authBasicHttpUser(), connection.authBasicHttpPassword(),
                connection.authBearerToken(), connection.appApiToken(), connection.octoPrintApiKey().orElseThrow())) {
            assertFalse(text.contains(secret), text);
        }
        assertTrue(text.contains(connection.id()));
    }

    @Test
    void connectionIsFoundByItsAppApiTokenUntilCleared() {
        AppConnection connection = registry.create("PRINTER", "devtest", "http://h/relay", false);

        assertEquals(connection, registry.findByAppApiToken(connection.appApiToken()).orElseThrow());

        registry.clear();

        assertTrue(registry.findByAppApiToken(connection.appApiToken()).isEmpty());
        assertTrue(registry.find(connection.id()).isEmpty());
        assertTrue(registry.all().isEmpty());
    }

    @Test
    void aPrintersConnectionsAreListedOldestFirstUntilCleared() {
        AppConnection first = registry.create("P1", "devtest", "http://h/relay", false);
        registry.create("P2", "devtest", "http://h/relay", false);
        clock.advance(Duration.ofSeconds(1));
        AppConnection second = registry.create("P1", "devtest", "http://h/relay", false);

        assertEquals(List.of(first, second), registry.forPrinter("P1"));
        assertEquals(List.of(), registry.forPrinter("P3"));

        registry.clear();

        assertEquals(List.of(), registry.forPrinter("P1"));
    }
}
