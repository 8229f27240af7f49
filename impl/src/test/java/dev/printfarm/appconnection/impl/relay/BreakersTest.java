package dev.printfarm.appconnection.impl.relay;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BreakersTest {

    private final MutableClock clock = new MutableClock();
    private final Breakers breakers = new Breakers(clock);

    private void fail(String connectionId, int times) {
        PrinterBreaker breaker = breakers.of(connectionId, 3, Duration.ofSeconds(30));
        for (int i = 0; i < times; i++) {
            breaker.failed();
        }
    }

    @Test
    void theFarmSeesHowManyBreakersAreOpenWithoutNamingThem() {
        fail("c1", 3);
        fail("c2", 3);
        fail("c3", 2);
        breakers.of("c4", 3, Duration.ofSeconds(30)).succeeded();
        assertEquals(2, breakers.open());
        clock.advance(Duration.ofSeconds(30));
        assertEquals(0, breakers.open(), "half-open ones let a probe through");
    }

    @Test
    void aRemovedConnectionsBreakerIsNoLongerCounted() {
        fail("c1", 3);
        breakers.forget("c1");
        assertEquals(0, breakers.open());
        assertEquals(PrinterBreaker.State.CLOSED, breakers.state("c1"));
    }
}
