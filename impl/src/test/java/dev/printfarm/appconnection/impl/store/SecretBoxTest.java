package dev.printfarm.appconnection.impl.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SecretBoxTest {

    private static final SecretKeyRing RING = SecretKeyRing.parse(
            "a:" + Base64.getEncoder().encodeToString(new byte[32]) + ",b:"
                    + Base64.getEncoder()
                            .encodeToString("0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII)),
            Optional.empty());

    private static final ConnectionSecrets SECRETS = new ConnectionSecrets(
            Optional.of("user-1"),
            Optional.of("password-with-ünïcode"),
            Optional.of("bearer-token-xyz"),
            "app-api-token-abc",
            Optional.empty());

    @Test
    void sealedSecretsOpenAgainUnchanged() {
        String sealed = SecretBox.seal(SECRETS, "conn-1", "a", RING.key("a").orElseThrow());
        ConnectionSecrets opened =
                SecretBox.open(sealed, "conn-1", "a", RING.key("a").orElseThrow());
        assertEquals(SECRETS, opened);
    }

    @Test
    void sealedValueNeverContainsThePlaintext() {
        String sealed = SecretBox.seal(SECRETS, "conn-1", "a", RING.key("a").orElseThrow());
        byte[] raw = Base64.getDecoder().decode(sealed);
        String asText = new String(raw, StandardCharsets.ISO_8859_1) + sealed;
        assertFalse(asText.contains("bearer-token-xyz"));
        assertFalse(asText.contains("app-api-token-abc"));
    }

    @Test
    void sealingTwiceGivesDifferentCiphertexts() {
        var key = RING.key("a").orElseThrow();
        assertNotEquals(SecretBox.seal(SECRETS, "c", "a", key), SecretBox.seal(SECRETS, "c", "a", key));
    }

    @Test
    void valueMovedToAnotherConnectionDoesNotOpen() {
        String sealed = SecretBox.seal(SECRETS, "conn-1", "a", RING.key("a").orElseThrow());
        var e = assertThrows(
                SecretsUnreadableException.class,
                () -> SecretBox.open(sealed, "conn-2", "a", RING.key("a").orElseThrow()));
        assertEquals("conn-2", e.connectionId());
    }

    @Test
    void wrongKeyOrTamperedValueDoesNotOpen() {
        String sealed = SecretBox.seal(SECRETS, "conn-1", "a", RING.key("a").orElseThrow());
        assertThrows(
                SecretsUnreadableException.class,
                () -> SecretBox.open(sealed, "conn-1", "b", RING.key("b").orElseThrow()));
        byte[] raw = Base64.getDecoder().decode(sealed);
        raw[raw.length - 1] ^= 1;
        String tampered = Base64.getEncoder().encodeToString(raw);
        assertThrows(
                SecretsUnreadableException.class,
                () -> SecretBox.open(tampered, "conn-1", "a", RING.key("a").orElseThrow()));
        assertThrows(
                SecretsUnreadableException.class,
                () -> SecretBox.open("not base64!", "conn-1", "a", RING.key("a").orElseThrow()));
    }

    @Test
    void secretsToStringPrintsNoSecret() {
        String text = SECRETS.toString();
        for (String secret : new String[] {"user-1", "password-with", "bearer-token-xyz", "app-api-token-abc"}) {
            assertFalse(text.contains(secret), text);
        }
        assertTrue(text.contains("***"), text);
    }
}
