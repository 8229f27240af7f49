package dev.printfarm.appconnection.sandbox.connection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.printfarm.appconnection.sandbox.MutableClock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
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
        assertTrue(registry.create("PRINTER", "devtest", "http://h/relay", false)
                .octoPrintApiKey()
                .isEmpty());
    }

    @Test
    void toStringShowsNoSecret() {
        AppConnection connection = registry.create("PRINTER", "devtest", "http://h/relay", true);
        String text = connection.toString();

        for (String secret : List.of(
                connection.authBasicHttpUser(),
                connection.authBasicHttpPassword(),
                connection.authBearerToken(),
                connection.appApiToken(),
                connection.octoPrintApiKey().orElseThrow())) {
            assertFalse(text.contains(secret), text);
        }
        assertTrue(text.contains(connection.id()));
    }

    @Test
    void connectionIsFoundByItsAppApiTokenUntilCleared() {
        AppConnection connection = registry.create("PRINTER", "devtest", "http://h/relay", false);

        assertEquals(
                connection, registry.findByAppApiToken(connection.appApiToken()).orElseThrow());

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

    @Test
    void aKeptConnectionComesBackAsItWasUnlessItsIdOrTokenIsTaken() {
        AppConnection kept = new ConnectionRegistry(clock).create("P1", "devtest", "http://h/relay", true);

        assertTrue(registry.restore(kept, true));

        assertEquals(Optional.of(kept), registry.find(kept.id()));
        assertEquals(Optional.of(kept), registry.findByAppApiToken(kept.appApiToken()));
        assertEquals(List.of(kept), registry.forPrinter("P1"));
        assertTrue(registry.isRevoked(kept.id()));
        AppConnection sameToken = new AppConnection(
                "f".repeat(32),
                "P2",
                "devtest",
                "http://h/relay/x",
                "u",
                "p",
                "b",
                kept.appApiToken(),
                Optional.empty(),
                clock.instant());
        assertFalse(registry.restore(kept, false));
        assertFalse(registry.restore(sameToken, false));
        assertEquals(List.of(kept), registry.all());
        assertTrue(registry.isRevoked(kept.id()));
    }

    @Test
    void everyChangeIsReportedAndNothingElse() {
        AtomicInteger changes = new AtomicInteger();
        registry.onChange(changes::incrementAndGet);

        AppConnection connection = registry.create("P1", "devtest", "http://h/relay", false);
        assertEquals(1, changes.get());
        registry.revoke(connection.id(), true);
        registry.revoke(connection.id(), true);
        assertEquals(2, changes.get());
        registry.revoke(connection.id(), false);
        registry.revoke("unknown", true);
        assertEquals(3, changes.get());
        registry.find(connection.id());
        registry.clear();
        assertEquals(4, changes.get());
    }
}
