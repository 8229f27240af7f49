package dev.printfarm.appconnection.it;

import java.util.Arrays;
import java.util.Base64;
import java.util.stream.Collectors;

/** Encryption keys for the test deployments. Test-only values; never use them for real connections. */
public final class TestKeys {

    public static final String IT = "it-1";
    public static final String ROTATION_A = "rot-a";
    public static final String ROTATION_B = "rot-b";

    private TestKeys() {}

    /** {@code appconnection.store.keys} for the given ids, in that order. */
    public static String ring(String... ids) {
        return Arrays.stream(ids).map(id -> id + ":" + key(id)).collect(Collectors.joining(","));
    }

    /** A fixed 32-byte key per id, so every deployment of a test run agrees. */
    static String key(String id) {
        byte[] raw = new byte[32];
        byte[] name = id.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        for (int i = 0; i < raw.length; i++) {
            raw[i] = (byte) (name[i % name.length] * 31 + i);
        }
        return Base64.getEncoder().encodeToString(raw);
    }
}
