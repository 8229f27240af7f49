package dev.printfarm.appconnection.impl.route;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.printfarm.appconnection.api.PrinterResponseException;
import dev.printfarm.appconnection.api.PrinterUnreachableException;
import dev.printfarm.appconnection.impl.store.ConnectionSecrets;
import java.net.ConnectException;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RouteTableTest {

    private static final ConnectionSecrets BOTH = new ConnectionSecrets(Optional.of("user"), Optional.of("pw"),
            Optional.of("token"), "app", Optional.empty());

    @Test
    void bearerIsPreferredUnlessConfiguredOtherwise() {
        assertEquals("Bearer token", RouteTable.authorization(BOTH, true));
        assertEquals("Basic dXNlcjpwdw==", RouteTable.authorization(BOTH, false));
    }

    @Test
    void theOnlyCredentialIsUsedWhateverThePreference() {
        ConnectionSecrets bearerOnly = new ConnectionSecrets(Optional.empty(), Optional.empty(), Optional.of("t"), "app",
                Optional.empty());
        ConnectionSecrets basicOnly = new ConnectionSecrets(Optional.of("u"), Optional.of("p"), Optional.empty(), "app",
                Optional.empty());
        assertEquals("Bearer t", RouteTable.authorization(bearerOnly, false));
        assertTrue(RouteTable.authorization(basicOnly, true).startsWith("Basic "));
    }

    @Test
    void onlyUnreachableOrGatewayAnswersCountAsLanFailures() {
        assertTrue(RouteTable.lanRouteFailed(new PrinterUnreachableException("x", "c", new ConnectException())));
        assertTrue(RouteTable.lanRouteFailed(new PrinterResponseException("x", "c", 503)));
        assertFalse(RouteTable.lanRouteFailed(new PrinterResponseException("x", "c", 409)),
                "OctoPrint answered: the LAN works");
        assertFalse(RouteTable.lanRouteFailed(new PrinterResponseException("x", "c", 403)));
    }
}
