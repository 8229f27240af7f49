package dev.printfarm.appconnection.console.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.printfarm.appconnection.console.testing.ManualClock;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The rules of failed logins: when a user name or an address is locked, for how long, and what is kept. */
class LoginThrottleTest {

    private static final String HOME = "192.0.2.10";
    private static final String ELSEWHERE = "198.51.100.7";

    private final ManualClock clock = new ManualClock();
    private final LoginThrottle throttle = new LoginThrottle(clock);

    private void fail(String user, String address, int times) {
        for (int i = 0; i < times; i++) {
            throttle.failed(user, address);
        }
    }

    /** What the login mechanism does: a locked attempt is refused and not counted. */
    private boolean attempt(String user, String address) {
        if (throttle.lockedFor(user, address).isPresent()) {
            return false;
        }
        throttle.failed(user, address);
        return true;
    }

    @Test
    void aUserNameIsLockedAfterFiveFailuresFromAnyAddress() {
        fail("operator", HOME, 4);
        assertEquals(Optional.empty(), throttle.lockedFor("operator", HOME));
        throttle.failed("operator", ELSEWHERE);
        assertEquals(Optional.of(Duration.ofMinutes(1)), throttle.lockedFor("operator", HOME));
        assertEquals(
                Optional.of(Duration.ofMinutes(1)), throttle.lockedFor("operator", "203.0.113.1"), "per user name");
        assertEquals(Optional.empty(), throttle.lockedFor("someone-else", HOME), "the address is not locked by 5");
    }

    @Test
    void onceLockedEachFailureLocksAgainTwiceAsLongUpToFifteenMinutes() {
        fail("operator", HOME, 5);
        for (int minutes : new int[] {1, 2, 4, 8, 15, 15}) {
            assertEquals(Optional.of(Duration.ofMinutes(minutes)), throttle.lockedFor("operator", HOME));
            clock.advance(Duration.ofMinutes(minutes).minusSeconds(1));
            assertTrue(throttle.lockedFor("operator", HOME).isPresent(), "still locked a second before the end");
            clock.advance(Duration.ofSeconds(1));
            assertEquals(Optional.empty(), throttle.lockedFor("operator", HOME));
            throttle.failed("operator", HOME);
        }
    }

    @Test
    void aKeyQuietForAWholeWindowAfterItsLockIsForgotten() {
        fail("operator", HOME, 5);
        clock.advance(Duration.ofMinutes(1).plus(Duration.ofMinutes(15)).minusSeconds(1));
        throttle.failed("operator", HOME);
        assertEquals(
                Optional.of(Duration.ofMinutes(2)), throttle.lockedFor("operator", HOME), "not yet quiet long enough");

        clock.advance(Duration.ofMinutes(2).plus(Duration.ofMinutes(15)));
        fail("operator", HOME, 4);
        assertEquals(Optional.empty(), throttle.lockedFor("operator", HOME), "a fresh count");
        throttle.failed("operator", HOME);
        assertEquals(
                Optional.of(Duration.ofMinutes(1)), throttle.lockedFor("operator", HOME), "and a first lock again");
    }

    @Test
    void retryAfterIsTheRestOfTheLockInWholeSecondsRoundedUp() {
        fail("operator", HOME, 5);
        clock.advance(Duration.ofMillis(20_500));
        Duration wait = throttle.lockedFor("operator", HOME).orElseThrow();
        assertEquals(Duration.ofMillis(39_500), wait);
        assertEquals(40, LoginThrottle.seconds(wait));
        assertEquals(1, LoginThrottle.seconds(Duration.ofMillis(1)), "never 0, which would mean: now");
    }

    @Test
    void aSuccessForgetsTheUserNamesFailuresButNotTheAddresss() {
        fail("operator", HOME, 4);
        throttle.succeeded("operator");
        fail("operator", HOME, 4);
        assertEquals(Optional.empty(), throttle.lockedFor("operator", HOME), "4 since the success");
        for (int i = 1; i <= 12; i++) {
            throttle.failed("guess-" + i, HOME);
        }
        assertTrue(throttle.lockedFor("someone", HOME).isPresent(), "20 from the address, the success notwithstanding");
    }

    @Test
    void failuresOlderThanTheWindowNoLongerCount() {
        fail("operator", HOME, 3);
        clock.advance(Duration.ofMinutes(10));
        throttle.failed("operator", HOME);
        clock.advance(Duration.ofMinutes(5));
        fail("operator", HOME, 3);
        assertEquals(Optional.empty(), throttle.lockedFor("operator", HOME), "4 within the last 15 minutes");
        throttle.failed("operator", HOME);
        assertTrue(throttle.lockedFor("operator", HOME).isPresent(), "5 within the last 15 minutes");
    }

    @Test
    void anAddressIsLockedAfterTwentyFailuresWhateverTheUserNames() {
        for (int i = 1; i <= 19; i++) {
            assertTrue(attempt("guess-" + i, HOME));
        }
        assertEquals(Optional.empty(), throttle.lockedFor("operator", HOME));
        assertTrue(attempt("guess-20", HOME));
        assertEquals(
                Optional.of(Duration.ofMinutes(1)),
                throttle.lockedFor("operator", HOME),
                "the real user name from that address too");
        assertEquals(Optional.empty(), throttle.lockedFor("operator", ELSEWHERE));
    }

    @Test
    void rotatingUserNamesCannotGrowTheMemory() {
        for (int i = 0; i < 100_000; i++) {
            attempt("name-" + i, HOME);
        }
        assertEquals(21, throttle.keys(), "20 user names and the address, then every attempt is refused uncounted");

        for (int i = 0; i < 3 * LoginThrottle.MAX_KEYS; i++) {
            attempt("name-" + i, "address-" + i);
        }
        assertEquals(LoginThrottle.MAX_KEYS, throttle.keys(), "the least recently used keys went");
    }

    @Test
    void longUserNamesCountAsTheirFirstCharacters() {
        String prefix = "x".repeat(LoginThrottle.MAX_USER_LENGTH);
        for (int i = 0; i < 5; i++) {
            throttle.failed(prefix + i + "y".repeat(100_000), "address-" + i);
        }
        assertTrue(throttle.lockedFor(prefix, ELSEWHERE).isPresent(), "one user name, one key of bounded size");
    }
}
