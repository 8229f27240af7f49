package dev.printfarm.appconnection.impl.route;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.printfarm.appconnection.api.AppConnection;
import dev.printfarm.appconnection.api.ConnectionState;
import dev.printfarm.appconnection.api.error.AnswerTooLargeException;
import dev.printfarm.appconnection.api.error.ErrorDetails;
import dev.printfarm.appconnection.api.error.PrinterResponseException;
import dev.printfarm.appconnection.api.error.PrinterUnreachableException;
import dev.printfarm.appconnection.api.error.UnreadableAnswerException;
import dev.printfarm.appconnection.api.error.UnusableConnectionException;
import dev.printfarm.appconnection.impl.relay.RelayUrlPolicy;
import dev.printfarm.appconnection.impl.relay.RelayUrls;
import dev.printfarm.appconnection.impl.store.ConnectionSecrets;
import java.net.ConnectException;
import java.net.URI;
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
        AppConnection legacy = new AppConnection(
                "c1",
                "farm",
                "MK4",
                URI.create("http://localhost:9080/sandbox/../console/"),
                Optional.empty(),
                Optional.empty(),
                ConnectionState.ONLINE,
                Instant.EPOCH,
                false,
                Optional.empty());
        var e = org.junit.jupiter.api.Assertions.assertThrows(
                UnusableConnectionException.class, () -> routes.relay(legacy, BOTH));
        assertFalse(e.isTemporary());
        assertTrue(e.getMessage().contains("c1"), e.getMessage());
        assertFalse(e.getMessage().contains("console"), e.getMessage());
    }
}
