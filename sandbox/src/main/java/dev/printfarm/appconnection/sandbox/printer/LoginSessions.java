package dev.printfarm.appconnection.sandbox.printer;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HexFormat;

/**
 * The sessions one emulated OctoPrint handed out through {@code POST /api/login}, so that a push socket's
 * {@code {"auth": "user:session"}} can be checked against them. The most recent {@link #CAPACITY}; thread-safe.
 */
public final class LoginSessions {

    /** The one user every login (by API key) is answered as. */
    public static final String USER = "sandbox";

    public static final int CAPACITY = 1000;

    /** Shared by every printer (SecureRandom is thread-safe): one seeded generator, not one per printer. */
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Deque<String> issued = new ArrayDeque<>();

    public synchronized String issue() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        String session = HexFormat.of().formatHex(bytes);
        if (issued.size() == CAPACITY) {
            issued.removeFirst();
        }
        issued.addLast(session);
        return session;
    }

    /** True for {@link #USER} with a session this printer issued and has not forgotten. */
    public synchronized boolean admits(String user, String session) {
        if (!USER.equals(user)) {
            return false;
        }
        byte[] given = session.getBytes(StandardCharsets.UTF_8);
        return issued.stream().anyMatch(known -> MessageDigest.isEqual(given, known.getBytes(StandardCharsets.UTF_8)));
    }

    public synchronized void clear() {
        issued.clear();
    }
}
