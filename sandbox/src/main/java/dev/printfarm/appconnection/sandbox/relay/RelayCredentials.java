package dev.printfarm.appconnection.sandbox.relay;

import dev.printfarm.appconnection.sandbox.connection.AppConnection;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;

/** Checks an {@code Authorization} header against one connection's Basic or Bearer credentials. */
final class RelayCredentials {

    private RelayCredentials() {}

    static boolean accepted(Optional<String> authorization, AppConnection connection) {
        if (authorization.isEmpty()) {
            return false;
        }
        String header = authorization.get().strip();
        int space = header.indexOf(' ');
        if (space < 0) {
            return false;
        }
        String scheme = header.substring(0, space);
        String credentials = header.substring(space + 1).strip();
        if ("Basic".equalsIgnoreCase(scheme)) {
            return basicMatches(credentials, connection);
        }
        if ("Bearer".equalsIgnoreCase(scheme)) {
            return sameSecret(credentials, connection.authBearerToken());
        }
        return false;
    }

    private static boolean basicMatches(String encoded, AppConnection connection) {
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notBase64) {
            return false;
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            return false;
        }
        boolean user = sameSecret(decoded.substring(0, colon), connection.authBasicHttpUser());
        boolean password = sameSecret(decoded.substring(colon + 1), connection.authBasicHttpPassword());
        return user && password;
    }

    private static boolean sameSecret(String given, String expected) {
        return MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8));
    }
}
