package dev.printfarm.appconnection.impl.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SecretKeyRingTest {

    private static final String K32 = Base64.getEncoder().encodeToString(new byte[32]);
    private static final String K16 = Base64.getEncoder().encodeToString(new byte[16]);

    @Test
    void firstListedKeyIsActiveUnlessNamed() {
        assertEquals(
                "old",
                SecretKeyRing.parse("old:" + K32 + ", new:" + K16, Optional.empty())
                        .activeId());
        assertEquals(
                "new",
                SecretKeyRing.parse("old:" + K32 + ", new:" + K16, Optional.of("new"))
                        .activeId());
    }

    @Test
    void activeKeyMustBeListed() {
        var e = assertThrows(IllegalArgumentException.class, () -> SecretKeyRing.parse("a:" + K32, Optional.of("b")));
        assertTrue(e.getMessage().contains("'b'"), e.getMessage());
    }

    @Test
    void wrongKeyLengthIsRefusedWithoutEchoingTheKey() {
        String shortKey = Base64.getEncoder().encodeToString(new byte[] {1, 2, 3, 4, 5});
        var e = assertThrows(
                IllegalArgumentException.class, () -> SecretKeyRing.parse("a:" + shortKey, Optional.empty()));
        assertTrue(e.getMessage().contains("5 bytes"), e.getMessage());
        assertFalse(e.getMessage().contains(shortKey));
    }

    @Test
    void malformedEntriesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> SecretKeyRing.parse("", Optional.empty()));
        assertThrows(IllegalArgumentException.class, () -> SecretKeyRing.parse(K32, Optional.empty()));
        assertThrows(IllegalArgumentException.class, () -> SecretKeyRing.parse("a:%%%", Optional.empty()));
        assertThrows(
                IllegalArgumentException.class, () -> SecretKeyRing.parse("a:" + K32 + ",a:" + K16, Optional.empty()));
        assertThrows(IllegalArgumentException.class, () -> SecretKeyRing.parse("bad id:" + K32, Optional.empty()));
    }

    @Test
    void toStringNamesIdsButNoKey() {
        String text = SecretKeyRing.parse("a:" + K32, Optional.empty()).toString();
        assertTrue(text.contains("a"));
        assertFalse(text.contains(K32));
    }
}
