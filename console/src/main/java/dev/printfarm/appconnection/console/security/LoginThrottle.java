package dev.printfarm.appconnection.console.security;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Failed console logins, counted per user name and per client address. A key with {@value #USER_LIMIT} failures (a
 * user name) or {@value #ADDRESS_LIMIT} (an address) within {@link #WINDOW} is locked: its attempts are refused without
 * checking the password, for {@link #FIRST_LOCK}. Each failure after that locks it again, twice as long as the last
 * time, at most {@link #LONGEST_LOCK}, until it has been quiet (no failure, no lock) for a whole window and is
 * forgotten. At most {@value #MAX_KEYS} keys are kept (the least recently used go first), so rotating user names
 * cannot grow the heap.
 */
@ApplicationScoped
public class LoginThrottle {

    private static final Logger LOG = Logger.getLogger(LoginThrottle.class.getName());
    static final int USER_LIMIT = 5;
    static final int ADDRESS_LIMIT = 20;
    static final Duration WINDOW = Duration.ofMinutes(15);
    static final Duration FIRST_LOCK = Duration.ofMinutes(1);
    static final Duration LONGEST_LOCK = Duration.ofMinutes(15);
    static final int MAX_KEYS = 10_000;
    /** Longer user names count as their first characters: a key's size is bounded too. */
    static final int MAX_USER_LENGTH = 200;

    /** One user name's or address's recent failures (at most its limit) and its lock. */
    private static final class Key {
        final int limit;
        final String who;
        final ArrayDeque<Instant> failures = new ArrayDeque<>();
        Instant lastFailure = Instant.MIN;
        Instant lockedUntil = Instant.MIN;
        int locks;

        Key(int limit, String who) {
            this.limit = limit;
            this.who = who;
        }
    }

    private final Clock clock;
    private final Map<String, Key> keys;

    public LoginThrottle() {
        this(Clock.systemUTC());
    }

    LoginThrottle(Clock clock) {
        this.clock = clock;
        this.keys = new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Key> eldest) {
                return size() > MAX_KEYS;
            }
        };
    }

    /** How long an attempt for this user from this address must wait; empty when its password may be checked. */
    public synchronized Optional<Duration> lockedFor(String user, String address) {
        Instant now = clock.instant();
        Instant until = later(lockedUntil(userKey(user), now), lockedUntil(addressKey(address), now));
        return until.isAfter(now) ? Optional.of(Duration.between(now, until)) : Optional.empty();
    }

    /** Counts a wrong password against the user name and the address. */
    public synchronized void failed(String user, String address) {
        Instant now = clock.instant();
        count(userKey(user), USER_LIMIT, "for one user name", now);
        count(addressKey(address), ADDRESS_LIMIT, "from " + address, now);
    }

    /** A correct password: the user name's failures are forgotten, the address's are not. */
    public synchronized void succeeded(String user) {
        keys.remove(userKey(user));
    }

    /** A wait as the whole seconds of a {@code Retry-After} header: rounded up, at least 1. */
    public static long seconds(Duration wait) {
        return Math.max(1, (wait.toMillis() + 999) / 1000);
    }

    synchronized int keys() {
        return keys.size();
    }

    private Instant lockedUntil(String name, Instant now) {
        Key key = current(name, now);
        return key == null ? Instant.MIN : key.lockedUntil;
    }

    private void count(String name, int limit, String who, Instant now) {
        Key key = current(name, now);
        if (key == null) {
            key = new Key(limit, who);
            keys.put(name, key);
        }
        key.failures.addLast(now);
        if (key.failures.size() > key.limit) {
            key.failures.removeFirst();
        }
        key.lastFailure = now;
        if (key.locks > 0 || key.failures.size() == key.limit) {
            Duration lock = FIRST_LOCK.multipliedBy(1L << Math.min(key.locks, 10));
            lock = lock.compareTo(LONGEST_LOCK) > 0 ? LONGEST_LOCK : lock;
            key.lockedUntil = now.plus(lock);
            key.locks++;
            LOG.warning("Console logins " + key.who + " refused for " + lock.toSeconds() + " s: too many failures");
        }
    }

    /** The key with its failures of the last window; {@code null} (and dropped) once it has been quiet that long. */
    private Key current(String name, Instant now) {
        Key key = keys.get(name);
        if (key == null) {
            return null;
        }
        Instant windowStart = now.minus(WINDOW);
        if (!later(key.lastFailure, key.lockedUntil).isAfter(windowStart)) {
            keys.remove(name);
            return null;
        }
        while (!key.failures.isEmpty() && !key.failures.peekFirst().isAfter(windowStart)) {
            key.failures.removeFirst();
        }
        return key;
    }

    private static String userKey(String user) {
        String name = String.valueOf(user);
        return "user:" + (name.length() > MAX_USER_LENGTH ? name.substring(0, MAX_USER_LENGTH) : name);
    }

    private static String addressKey(String address) {
        return "address:" + address;
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
