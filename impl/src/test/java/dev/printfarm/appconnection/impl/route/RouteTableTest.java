package dev.printfarm.appconnection.impl.route;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.printfarm.appconnection.api.AppConnection;
import dev.printfarm.appconnection.api.ConnectionState;
import dev.printfarm.appconnection.api.error.AnswerTooLargeException;
import dev.printfarm.appconnection.api.error.ErrorDetails;
import dev.printfarm.appconnection.api.error.PrinterResponseException;
import dev.printfarm.appconnection.api.error.PrinterUnreachableException;
import dev.printfarm.appconnection.api.error.UnreadableAnswerException;
import dev.printfarm.appconnection.api.error.UnusableConnectionException;
import dev.printfarm.appconnection.api.event.ConnectionRemoved;
import dev.printfarm.appconnection.impl.relay.RelaySettings;
import dev.printfarm.appconnection.impl.relay.RelayUrlPolicy;
import dev.printfarm.appconnection.impl.relay.RelayUrls;
import dev.printfarm.appconnection.impl.store.ConnectionSecrets;
import dev.printfarm.appconnection.impl.store.SecretsReplaced;
import java.net.ConnectException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RouteTableTest {

    private static final ConnectionSecrets BOTH = new ConnectionSecrets(
            Optional.of("user"), Optional.of("pw"), Optional.of("token"), "app", Optional.empty());

    @Test
    void bearerIsPreferredUnlessConfiguredOtherwise() {
        assertEquals("Bearer token", RouteTable.authorization(BOTH, true));
        assertEquals("Basic dXNlcjpwdw==", RouteTable.authorization(BOTH, false));
    }

    @Test
    void theOnlyCredentialIsUsedWhateverThePreference() {
        ConnectionSecrets bearerOnly =
                new ConnectionSecrets(Optional.empty(), Optional.empty(), Optional.of("t"), "app", Optional.empty());
        ConnectionSecrets basicOnly =
                new ConnectionSecrets(Optional.of("u"), Optional.of("p"), Optional.empty(), "app", Optional.empty());
        assertEquals("Bearer t", RouteTable.authorization(bearerOnly, false));
        assertTrue(RouteTable.authorization(basicOnly, true).startsWith("Basic "));
    }

    @Test
    void onlyUnreachableOrGatewayAnswersCountAsLanFailures() {
        assertTrue(RouteTable.lanRouteFailed(new PrinterUnreachableException("x", "c", new ConnectException())));
        assertTrue(RouteTable.lanRouteFailed(new PrinterResponseException("x", "c", ErrorDetails.printer(503))));
        assertFalse(
                RouteTable.lanRouteFailed(new PrinterResponseException("x", "c", ErrorDetails.printer(409))),
                "OctoPrint answered: the LAN works");
        assertFalse(RouteTable.lanRouteFailed(new PrinterResponseException("x", "c", ErrorDetails.printer(403))));
        assertTrue(
                RouteTable.lanRouteFailed(new UnreadableAnswerException("x", "c", ErrorDetails.printer(200))),
                "what answers at the LAN address is no OctoPrint that can be read");
        assertFalse(
                RouteTable.lanRouteFailed(new AnswerTooLargeException("x", "c", 10, ErrorDetails.printer(200))),
                "OctoPrint answered, only too much");
    }

    @Test
    void aStoredRowWithARefusedRelayUrlIsUnusableAndNeverBecomesATarget() {
        RouteTable routes = new RouteTable();
        routes.relayUrls = RelayUrls.of(RelayUrlPolicy.of("*.octoeverywhere.com", false));
        AppConnection legacy = online("c1", "http://localhost:9080/sandbox/../console/");
        var e = org.junit.jupiter.api.Assertions.assertThrows(
                UnusableConnectionException.class, () -> routes.relay(legacy, BOTH));
        assertFalse(e.isTemporary());
        assertTrue(e.getMessage().contains("c1"), e.getMessage());
        assertFalse(e.getMessage().contains("console"), e.getMessage());
    }

    private static AppConnection online(String id, String relayUrl) {
        return new AppConnection(
                id,
                "farm",
                "MK4",
                URI.create(relayUrl),
                Optional.empty(),
                Optional.empty(),
                ConnectionState.ONLINE,
                Instant.EPOCH,
                false,
                Optional.empty());
    }

    @Test
    void aConnectionsRelayTargetIsBuiltOnceAndBuiltAnewWhenItsUrlOrSecretsChangeOrItIsGone() {
        RouteTable routes = new RouteTable();
        routes.relayUrls = RelayUrls.of(RelayUrlPolicy.of("*.octoeverywhere.com", false));
        routes.relaySettings = new RelaySettings(
                Duration.ofSeconds(5),
                Duration.ofSeconds(20),
                3,
                Duration.ofMillis(200),
                Duration.ofSeconds(2),
                Duration.ofSeconds(10),
                200,
                5,
                Duration.ofSeconds(30),
                true,
                RelayUrlPolicy.of("*.octoeverywhere.com", false));
        AppConnection c1 = online("c1", "https://app-1.octoeverywhere.com");
        Target first = routes.relay(c1, BOTH);
        assertEquals("Bearer token", first.headers().get("Authorization"));
        assertSame(first, routes.relay(c1, BOTH), "the same connection, URL and secrets: the target already built");
        assertSame(
                first,
                routes.relay(
                        c1,
                        new ConnectionSecrets(
                                Optional.of("user"), Optional.of("pw"), Optional.of("token"), "app", Optional.empty())),
                "equal secrets read again");

        ConnectionSecrets rotated = new ConnectionSecrets(
                Optional.of("user"), Optional.of("pw"), Optional.of("new-token"), "app", Optional.empty());
        Target afterRotation = routes.relay(c1, rotated);
        assertEquals("Bearer new-token", afterRotation.headers().get("Authorization"));

        Target moved = routes.relay(online("c1", "https://app-2.octoeverywhere.com"), rotated);
        assertEquals(URI.create("https://app-2.octoeverywhere.com"), moved.base());

        routes.secretsReplaced(new SecretsReplaced("c1"));
        assertNotSame(moved, routes.relay(online("c1", "https://app-2.octoeverywhere.com"), rotated));
        Target again = routes.relay(c1, BOTH);
        routes.forget(new ConnectionRemoved("c1"));
        assertNotSame(again, routes.relay(c1, BOTH), "a removed connection's target is not kept");
        assertNotSame(first, routes.relay(online("c2", "https://app-1.octoeverywhere.com"), BOTH));
    }
}
