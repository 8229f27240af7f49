package dev.printfarm.appconnection.sandbox.octoprint;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Which {@code X-Api-Key} values the emulated OctoPrint lets through. Immutable. */
public final class ApiKeyRule {

    private final boolean checked;
    private final List<String> accepted;

    private ApiKeyRule(boolean checked, List<String> accepted) {
        this.checked = checked;
        this.accepted = accepted;
    }

    /** No check at all: the relay's rule for a connection that was issued without an OctoPrint API key. */
    public static ApiKeyRule unchecked() {
        return new ApiKeyRule(false, List.of());
    }

    /** The key must be one of {@code keys}; with no keys, nothing gets through. */
    public static ApiKeyRule oneOf(Collection<String> keys) {
        return new ApiKeyRule(true, List.copyOf(keys));
    }

    public boolean admits(Optional<String> apiKey) {
        if (!checked) {
            return true;
        }
        return apiKey.filter(given -> accepted.stream().anyMatch(key -> sameSecret(given, key)))
                .isPresent();
    }

    private static boolean sameSecret(String given, String expected) {
        return MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return checked ? "ApiKeyRule[one of " + accepted.size() + " keys]" : "ApiKeyRule[unchecked]";
    }
}
