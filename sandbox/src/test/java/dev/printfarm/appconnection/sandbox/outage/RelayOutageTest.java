package dev.printfarm.appconnection.sandbox.outage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.printfarm.appconnection.sandbox.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RelayOutageTest {

    private final MutableClock clock = MutableClock.at("2026-11-28T10:00:00Z");
    private final RelayOutage outage = new RelayOutage(clock);

    @Test
    void noOutageIsOnAtTheStart() {
        assertEquals(Duration.ZERO, outage.remaining());
        assertFalse(outage.refuses());
        assertEquals(0, outage.refused());
    }

    @Test
    void anOutageRefusesUntilItsSecondsHavePassed() {
        assertEquals(Duration.ofSeconds(30), outage.start(30));

        clock.advance(Duration.ofMillis(29_999));
        assertEquals(Duration.ofMillis(1), outage.remaining());
        assertTrue(outage.refuses());

        clock.advance(Duration.ofMillis(1));
        assertEquals(Duration.ZERO, outage.remaining());
        assertFalse(outage.refuses());
    }

    @Test
    void zeroSecondsEndsAnOutageAtOnce() {
        outage.start(300);

        assertEquals(Duration.ZERO, outage.start(0));
        assertFalse(outage.refuses());
    }

    @Test
    void aNewOutageReplacesTheOneGoingOn() {
        outage.start(300);
        clock.advance(Duration.ofSeconds(100));

        assertEquals(Duration.ofSeconds(10), outage.start(10));
    }

    @Test
    void onlyRequestsRefusedDuringAnOutageAreCounted() {
        outage.refuses();
        outage.start(5);
        outage.refuses();
        outage.refuses();
        clock.advance(Duration.ofSeconds(5));
        outage.refuses();

        assertEquals(2, outage.refused());
    }

    @Test
    void resetEndsTheOutageAndForgetsTheRefusals() {
        outage.start(60);
        outage.refuses();

        outage.reset();

        assertEquals(Duration.ZERO, outage.remaining());
        assertFalse(outage.refuses());
        assertEquals(0, outage.refused());
    }

    @Test
    void anOutageLastsZeroToThreeHundredSeconds() {
        assertThrows(IllegalArgumentException.class, () -> outage.start(-1));
        assertThrows(IllegalArgumentException.class, () -> outage.start(301));
        assertEquals(Duration.ofSeconds(300), outage.start(300));
    }

    @Test
    void refusedRequestsAreKeptOldestFirstWithTheirClientPort() {
        assertFalse(outage.refuses("GET", "/relay/c1/api/job", 50000));
        outage.start(5);
        assertTrue(outage.refuses("GET", "/relay/c1/api/job", 50001));
        clock.advance(Duration.ofMillis(250));
        assertTrue(outage.refuses("GET", "/relay/c1/api/job", 50002));

        assertEquals(
                List.of(
                        new RefusedRequest(Instant.parse("2026-11-28T10:00:00Z"), "GET", "/relay/c1/api/job", 50001),
                        new RefusedRequest(
                                Instant.parse("2026-11-28T10:00:00.250Z"), "GET", "/relay/c1/api/job", 50002)),
                outage.refusedRequests());
        assertEquals(2, outage.refused());
    }

    @Test
    void onlyTheLastThousandRefusedRequestsAreKept() {
        outage.start(5);
        for (int port = 1; port <= RelayOutage.LOG_CAPACITY + 5; port++) {
            outage.refuses("GET", "/api/appconnection/info", port);
        }

        List<RefusedRequest> kept = outage.refusedRequests();
        assertEquals(RelayOutage.LOG_CAPACITY, kept.size());
        assertEquals(6, kept.get(0).clientPort());
        assertEquals(RelayOutage.LOG_CAPACITY + 5, outage.refused());
    }

    @Test
    void resetForgetsTheRefusedRequests() {
        outage.start(5);
        outage.refuses("POST", "/relay/c1/api/job", 1);

        outage.reset();

        assertEquals(List.of(), outage.refusedRequests());
    }
}
