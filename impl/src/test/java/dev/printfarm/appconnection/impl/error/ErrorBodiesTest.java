package dev.printfarm.appconnection.impl.error;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ErrorBodiesTest {

    private static final String TOKEN = "tok_9f8e7d6c5b4a39281706f5e4d3c2b1a0";
    private static final List<String> SECRETS = List.of("Bearer " + TOKEN);

    private static Optional<String> text(String body) {
        return text(body.getBytes(StandardCharsets.UTF_8), false);
    }

    private static Optional<String> text(byte[] body, boolean cut) {
        return ErrorBodies.text(body, cut, Optional.empty(), SECRETS);
    }

    @Test
    void aShortTextBodyIsKeptAsItIs() {
        assertEquals(Optional.of("Printer is not operational"), text("Printer is not operational"));
        assertEquals(Optional.of("a\n\tb"), text("a\r\n\tb"));
        assertEquals(Optional.of("Grüße ✓ 🙂"), text("Grüße ✓ 🙂"));
    }

    @Test
    void aHugeBodyIsCutToTheCap() {
        String kept = text("é".repeat(1_000_000)).orElseThrow();
        assertEquals(4096, kept.length());
        assertTrue(kept.endsWith("…"));
    }

    @Test
    void theCutNeverSplitsACharacterInTwo() {
        String kept = text("a" + "🙂".repeat(5000)).orElseThrow();
        assertTrue(kept.length() <= 4096);
        for (int i = 0; i < kept.length(); i++) {
            char c = kept.charAt(i);
            if (Character.isHighSurrogate(c)) {
                assertTrue(Character.isLowSurrogate(kept.charAt(i + 1)), "lone high surrogate at " + i);
            }
        }
    }

    @Test
    void theSecretIsGoneInEveryFormItMightComeBackIn() {
        String body = "raw " + TOKEN + " url " + URLEncoder.encode(TOKEN + "/+", StandardCharsets.UTF_8)
                + " b64 " + Base64.getEncoder().encodeToString(TOKEN.getBytes(StandardCharsets.UTF_8))
                + "\nAuthorization: Bearer " + TOKEN;
        String kept = text(body).orElseThrow();
        assertFalse(kept.contains(TOKEN), kept);
        assertFalse(kept.contains(Base64.getEncoder().encodeToString(TOKEN.getBytes(StandardCharsets.UTF_8))), kept);
        assertTrue(kept.contains("Authorization: ***"), kept);
    }

    @Test
    void whatIsWrittenAsACredentialIsMaskedEvenWhenItIsNotOurs() {
        String kept = text("{\"apikey\": \"someone-elses-key\", \"session\": \"s-123\", \"msg\": \"ok\"}\n"
                        + "GET /api?apikey=abcdef&x=1\nProxy-Authorization: Basic Zm9vOmJhcg==\nsent Bearer abc.def.ghi")
                .orElseThrow();
        for (String leaked : new String[] {"someone-elses-key", "s-123", "abcdef", "Zm9vOmJhcg==", "abc.def.ghi"}) {
            assertFalse(kept.contains(leaked), leaked + " in " + kept);
        }
        assertTrue(kept.contains("\"msg\": \"ok\""), kept);
    }

    @Test
    void aSecretCutOffAtTheEndOfWhatWasReadDoesNotLeakItsStart() {
        String start = "x".repeat(100) + TOKEN.substring(0, 20);
        String kept = text(start.getBytes(StandardCharsets.UTF_8), true).orElseThrow();
        assertFalse(kept.contains(TOKEN.substring(0, 20)), kept);
        String beyondTheWindow = "y".repeat(ErrorBodies.WINDOW_BYTES - 10) + TOKEN;
        assertFalse(text(beyondTheWindow).orElseThrow().contains(TOKEN.substring(0, 10)));
    }

    @Test
    void aShortValueIsNotTreatedAsASecret() {
        assertEquals(
                Optional.of("a b c"),
                ErrorBodies.text("a b c".getBytes(StandardCharsets.UTF_8), false, Optional.empty(), List.of("a", "b")));
    }

    @Test
    void controlAndInvisibleCharactersAreReplaced() {
        assertEquals(
                Optional.of("\uFFFD[2J\uFFFDhidden\uFFFDend"),
                text("\u001b[2J\u200bhidden\u0000end".replace("\u0000", "\u007f")));
    }

    @Test
    void binaryOrUndecodableBodiesAreNotKept() {
        assertEquals(Optional.empty(), text(new byte[] {'a', 0, 'b'}, false));
        byte[] garbage = new byte[64];
        for (int i = 0; i < garbage.length; i++) {
            garbage[i] = (byte) (0x80 + i);
        }
        assertEquals(Optional.empty(), text(garbage, false));
        assertEquals(
                Optional.empty(),
                ErrorBodies.text(
                        "text".getBytes(StandardCharsets.UTF_8),
                        false,
                        Optional.of("application/octet-stream"),
                        SECRETS));
        assertEquals(Optional.empty(), text(new byte[0], false));
        assertEquals(Optional.empty(), text("   \n  "));
    }
}
