package dev.printfarm.appconnection.sandbox.relay;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.printfarm.appconnection.sandbox.MutableClock;
import dev.printfarm.appconnection.sandbox.connection.AppConnection;
import dev.printfarm.appconnection.sandbox.connection.ConnectionRegistry;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RelayCredentialsTest {

    private final ConnectionRegistry registry = new ConnectionRegistry(MutableClock.at("2026-11-28T10:00:00Z"));
    private final AppConnection connection = registry.create("PRINTER", "devtest", "http://h/relay", false);
    private final AppConnection other = registry.create("PRINTER", "devtest", "http://h/relay", false);

    @Test
    void matchingBasicCredentialsAreAccepted() {
        assertTrue(accepted(basic(connection.authBasicHttpUser(), connection.authBasicHttpPassword())));
    }

    @Test
    void matchingBearerTokenIsAccepted() {
        assertTrue(accepted("Bearer " + connection.authBearerToken()));
    }

    @Test
    void schemeNameIsCaseInsensitive() {
        assertTrue(accepted("bearer " + connection.authBearerToken()));
        assertTrue(accepted(basic(connection.authBasicHttpUser(), connection.authBasicHttpPassword())
                .replace("Basic", "BASIC")));
    }

    @Test
    void basicCredentialsOfAnotherConnectionAreRejected() {
        assertFalse(accepted(basic(other.authBasicHttpUser(), other.authBasicHttpPassword())));
    }

    @Test
    void bearerTokenOfAnotherConnectionIsRejected() {
        assertFalse(accepted("Bearer " + other.authBearerToken()));
    }

    @Test
    void rightUserWithWrongPasswordIsRejected() {
        assertFalse(accepted(basic(connection.authBasicHttpUser(), connection.authBasicHttpPassword() + "x")));
    }

    @Test
    void passwordSentAsBearerTokenIsRejected() {
        assertFalse(accepted("Bearer " + connection.authBasicHttpPassword()));
    }

    @Test
    void missingHeaderIsRejected() {
        assertFalse(RelayCredentials.accepted(Optional.empty(), connection));
    }

    @Test
    void malformedHeadersAreRejected() {
        assertFalse(accepted("Basic"));
        assertFalse(accepted("Bearer"));
        assertFalse(accepted("Bearer "));
        assertFalse(accepted("Basic not*base64!"));
        assertFalse(accepted("Basic "
                + Base64.getEncoder()
                        .encodeToString(connection.authBasicHttpUser().getBytes(StandardCharsets.UTF_8))));
        assertFalse(accepted("Digest " + connection.authBearerToken()));
        assertFalse(accepted(connection.authBearerToken()));
    }

    private boolean accepted(String header) {
        return RelayCredentials.accepted(Optional.of(header), connection);
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
