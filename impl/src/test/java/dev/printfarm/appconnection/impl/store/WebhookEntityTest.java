package dev.printfarm.appconnection.impl.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class WebhookEntityTest {

    private static final Duration LIFETIME = Duration.ofDays(180);
    private static final Duration GRACE = Duration.ofHours(1);
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private final WebhookEntity webhook = new WebhookEntity();

    private Optional<String> register(String hash, Instant at) {
        webhook.registering(hash, "https://farm.example/console/appconnection/webhook", "");
        return webhook.registered(
                "https://farm.example/console/appconnection/webhook",
                "",
                at,
                at.plus(Duration.ofDays(150)),
                at.plus(GRACE));
    }

    @Test
    void aPendingTokenIsAcceptedBeforeTheRegistrationCompletesAndRefusedOnceAbandoned() {
        webhook.registering("pending", "https://farm.example/hook", "");
        assertTrue(webhook.accepts("pending", T0, LIFETIME));
        assertEquals(Optional.of("pending"), webhook.abandoned());
        assertFalse(webhook.accepts("pending", T0, LIFETIME));
    }

    @Test
    void eachRenewalHasANewTokenAndThePreviousOneIsAcceptedOnlyThroughItsGrace() {
        register("first", T0);
        Instant renewal = T0.plus(Duration.ofDays(150));
        assertEquals(Optional.empty(), register("second", renewal), "the first becomes the previous one");
        assertTrue(webhook.accepts("second", renewal, LIFETIME));
        assertTrue(webhook.accepts("first", renewal.plus(GRACE).minusSeconds(1), LIFETIME));
        assertFalse(webhook.accepts("first", renewal.plus(GRACE), LIFETIME));
        assertEquals(
                Optional.empty(), webhook.retirePrevious(renewal.plus(GRACE).minusSeconds(1)));
        assertEquals(Optional.of("first"), webhook.retirePrevious(renewal.plus(GRACE)), "retired: its deliveries go");
        assertEquals(Optional.empty(), webhook.retirePrevious(renewal.plus(GRACE)));
    }

    @Test
    void aSecondRenewalWithinTheGraceRetiresTheOlderTokenAtOnce() {
        register("first", T0);
        register("second", T0.plusSeconds(60));
        assertEquals(Optional.of("first"), register("third", T0.plusSeconds(120)));
        assertFalse(webhook.accepts("first", T0.plusSeconds(121), LIFETIME));
        assertTrue(webhook.accepts("second", T0.plusSeconds(121), LIFETIME));
    }

    @Test
    void theCurrentTokenIsRefusedOnceOctoEverywhereNoLongerUsesIt() {
        register("only", T0);
        assertTrue(webhook.accepts("only", T0.plus(LIFETIME).minusSeconds(1), LIFETIME));
        assertFalse(webhook.accepts("only", T0.plus(LIFETIME), LIFETIME));
    }

    @Test
    void deliveriesAreKeptUnderTheNewestToken() {
        register("first", T0);
        register("second", T0.plusSeconds(60));
        assertTrue(webhook.newest("second"));
        assertFalse(webhook.newest("first"));
        assertFalse(webhook.newest(null));
    }
}
