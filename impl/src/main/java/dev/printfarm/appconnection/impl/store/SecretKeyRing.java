package dev.printfarm.appconnection.impl.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The AES keys that protect stored secrets: every key that may still be read, and the one new rows are
 * written with. Parsed from {@code id:base64key,id:base64key}; {@link #toString()} never prints a key.
 */
public final class SecretKeyRing {

    /** The id of the built-in key used only in demo mode. */
    public static final String DEMO_KEY_ID = "demo";

    private static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private final Map<String, SecretKey> keys;
    private final String activeId;

    private SecretKeyRing(Map<String, SecretKey> keys, String activeId) {
        this.keys = Collections.unmodifiableMap(keys);
        this.activeId = activeId;
    }

    /**
     * @param spec     {@code id:base64,id:base64}; each key 16, 24 or 32 bytes (AES-128/192/256)
     * @param activeId the id new rows are encrypted with; when empty, the first listed key
     * @throws IllegalArgumentException with a message that names what is wrong, never a key
     */
    public static SecretKeyRing parse(String spec, Optional<String> activeId) {
        Map<String, SecretKey> keys = new LinkedHashMap<>();
        int position = 0;
        for (String entry : spec.split(",")) {
            String trimmed = entry.strip();
            if (trimmed.isEmpty()) {
                continue;
            }
            position++;
            int colon = trimmed.indexOf(':');
            if (colon < 1) {
                throw new IllegalArgumentException("each key must be written id:base64key");
            }
            String id = trimmed.substring(0, colon);
            if (!KEY_ID.matcher(id).matches()) {
                // Not echoed: an entry written the wrong way round would show the key material.
                throw new IllegalArgumentException("the id of key " + position
                        + " must be 1-64 letters, digits, '.', '_' or '-' (written id:base64key)");
            }
            byte[] raw;
            try {
                raw = Base64.getDecoder().decode(trimmed.substring(colon + 1).strip());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("key '" + id + "' is not valid base64");
            }
            if (raw.length != 16 && raw.length != 24 && raw.length != 32) {
                throw new IllegalArgumentException(
                        "key '" + id + "' has " + raw.length + " bytes; AES needs 16, 24 or 32 (32 recommended)");
            }
            if (keys.put(id, new SecretKeySpec(raw, "AES")) != null) {
                throw new IllegalArgumentException("key id '" + id + "' is listed twice");
            }
        }
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("no key is listed");
        }
        String active = activeId.map(String::strip)
                .filter(s -> !s.isEmpty())
                .orElse(keys.keySet().iterator().next());
        if (!keys.containsKey(active)) {
            throw new IllegalArgumentException(
                    "the active key '" + active + "' is not among the listed keys " + keys.keySet());
        }
        return new SecretKeyRing(keys, active);
    }

    /**
     * A fixed key for the offline demo only. It is public (derived from a constant in this source), so it
     * protects nothing; the module refuses it outside demo mode.
     */
    public static SecretKeyRing demo() {
        Map<String, SecretKey> keys = new LinkedHashMap<>();
        keys.put(DEMO_KEY_ID, new SecretKeySpec(demoKeyMaterial(), "AES"));
        return new SecretKeyRing(keys, DEMO_KEY_ID);
    }

    /** Whether any key of the ring is the demo key's material, under whatever id it is listed. */
    public boolean holdsDemoKey() {
        byte[] demo = demoKeyMaterial();
        return keys.values().stream().anyMatch(k -> MessageDigest.isEqual(demo, k.getEncoded()));
    }

    private static byte[] demoKeyMaterial() {
        try {
            return MessageDigest.getInstance("SHA-256")
                    .digest("appconnection demo key - not a secret".getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    public String activeId() {
        return activeId;
    }

    public SecretKey active() {
        return keys.get(activeId);
    }

    public Optional<SecretKey> key(String id) {
        return Optional.ofNullable(keys.get(Objects.requireNonNull(id, "id")));
    }

    @Override
    public String toString() {
        return "SecretKeyRing[active=" + activeId + ", ids=" + keys.keySet() + "]";
    }
}
