package dev.printfarm.appconnection.impl.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ModuleSecretSealerTest {

    private static ModuleSecretSealer sealer(String spec, String active) {
        ModuleSecretSealer sealer = new ModuleSecretSealer();
        SecretKeyRing ring = SecretKeyRing.parse(spec, Optional.of(active));
        sealer.keys = new SecretKeys() {
            @Override
            public SecretKeyRing ring() {
                return ring;
            }
        };
        return sealer;
    }

    private static final String A = "a:" + Base64.getEncoder().encodeToString(new byte[32]);
    private static final String B = "b:"
            + Base64.getEncoder()
                    .encodeToString("0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII));

    @Test
    void aSealedSecretOpensForItsContextAndNamesItsKey() {
        ModuleSecretSealer sealer = sealer(A + "," + B, "b");
        String sealed = sealer.seal("octoprint-key-0123", "lan-printer/7");
        assertTrue(sealed.startsWith("v1:b:"), sealed);
        assertFalse(sealed.contains("octoprint-key-0123"));
        assertEquals("octoprint-key-0123", sealer.open(sealed, "lan-printer/7"));
    }

    @Test
    void anotherContextOrAnAlteredValueDoesNotOpenAndTheMessageHoldsNoSecret() {
        ModuleSecretSealer sealer = sealer(A, "a");
        String sealed = sealer.seal("octoprint-key-0123", "lan-printer/7");
        var moved = assertThrows(IllegalArgumentException.class, () -> sealer.open(sealed, "lan-printer/8"));
        assertFalse(moved.getMessage().contains("octoprint-key-0123"));
        int at = "v1:a:".length() + 20;
        String altered = sealed.substring(0, at) + (sealed.charAt(at) == 'A' ? 'B' : 'A') + sealed.substring(at + 1);
        assertThrows(IllegalArgumentException.class, () -> sealer.open(altered, "lan-printer/7"));
        assertThrows(IllegalArgumentException.class, () -> sealer.open("plain text", "lan-printer/7"));
    }

    @Test
    void aValueSealedWithAnOldKeyOpensWhileThatKeyIsInTheRing() {
        String sealed = sealer(A, "a").seal("k", "ctx");
        assertEquals("k", sealer(A + "," + B, "b").open(sealed, "ctx"));
        var gone = assertThrows(
                IllegalArgumentException.class, () -> sealer(B, "b").open(sealed, "ctx"));
        assertTrue(gone.getMessage().contains("'a'"), gone.getMessage());
    }

    @Test
    void theContextIsChecked() {
        ModuleSecretSealer sealer = sealer(A, "a");
        assertThrows(IllegalArgumentException.class, () -> sealer.seal("k", ""));
        assertThrows(IllegalArgumentException.class, () -> sealer.seal("k", "x".repeat(201)));
    }
}
