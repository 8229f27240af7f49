package dev.printfarm.appconnection.sandbox.connection;

import java.security.SecureRandom;
import java.util.HexFormat;

final class Secrets {

    private static final String ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    private final SecureRandom random = new SecureRandom();

    String lowerHex(int length) {
        return HexFormat.of().formatHex(bytes(length / 2));
    }

    String upperHex(int length) {
        return HexFormat.of().withUpperCase().formatHex(bytes(length / 2));
    }

    String alphanumeric(int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(ALPHANUMERIC.charAt(random.nextInt(ALPHANUMERIC.length())));
        }
        return text.toString();
    }

    private byte[] bytes(int count) {
        byte[] bytes = new byte[count];
        random.nextBytes(bytes);
        return bytes;
    }
}
