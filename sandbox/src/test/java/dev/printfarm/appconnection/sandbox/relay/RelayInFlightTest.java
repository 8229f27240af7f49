package dev.printfarm.appconnection.sandbox.relay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class RelayInFlightTest {

    private final RelayInFlight inFlight = new RelayInFlight();

    @Test
    void aRequestCountsFromArrivalUntilItsTicketIsClosedOverallAndForItsPrinter() {
        RelayInFlight.Ticket first = inFlight.arrive(Optional.of("P1"));
        RelayInFlight.Ticket second = inFlight.arrive(Optional.of("P1"));
        RelayInFlight.Ticket unknownConnection = inFlight.arrive(Optional.empty());

        assertEquals(new InFlightCounts(3, 3, Map.of("P1", 2L)), inFlight.counts());

        first.close();
        unknownConnection.close();

        assertEquals(new InFlightCounts(1, 3, Map.of("P1", 1L)), inFlight.counts());
        second.close();
        assertEquals(new InFlightCounts(0, 3, Map.of()), inFlight.counts());
    }

    @Test
    void closingATicketAgainCountsNothingMore() {
        RelayInFlight.Ticket ticket = inFlight.arrive(Optional.of("P1"));
        inFlight.arrive(Optional.of("P2"));

        ticket.close();
        ticket.close();

        assertTrue(ticket.isClosed());
        assertEquals(new InFlightCounts(1, 2, Map.of("P2", 1L)), inFlight.counts());
    }

    @Test
    void thePeakIsTheMostAtOnceAndStaysWhenRequestsLeave() {
        RelayInFlight.Ticket a = inFlight.arrive(Optional.empty());
        RelayInFlight.Ticket b = inFlight.arrive(Optional.empty());
        a.close();
        RelayInFlight.Ticket c = inFlight.arrive(Optional.empty());
        b.close();
        c.close();

        assertEquals(0, inFlight.counts().inFlight());
        assertEquals(2, inFlight.counts().peakInFlight());
    }

    @Test
    void resettingThePeakDropsItToWhatIsInFlightNow() {
        RelayInFlight.Ticket staying = inFlight.arrive(Optional.of("P1"));
        inFlight.arrive(Optional.of("P1")).close();
        inFlight.arrive(Optional.of("P2")).close();

        InFlightCounts answered = inFlight.resetPeak();

        assertEquals(1, answered.inFlight());
        assertEquals(1, answered.peakInFlight());
        assertEquals(answered, inFlight.counts());
        staying.close();
        assertEquals(new InFlightCounts(0, 1, Map.of()), inFlight.counts());
        assertEquals(new InFlightCounts(0, 0, Map.of()), inFlight.resetPeak());
    }

    @Test
    void theRequestsHeldAtOnceByManyThreadsAreExactlyThePeak() throws Exception {
        int threads = 32;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch allIn = new CountDownLatch(threads);
        CountDownLatch release = new CountDownLatch(1);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                String printerId = "P" + (i % 4);
                done.add(pool.submit(() -> {
                    try (RelayInFlight.Ticket ticket = inFlight.arrive(Optional.of(printerId))) {
                        allIn.countDown();
                        release.await();
                    }
                    return null;
                }));
            }
            assertTrue(allIn.await(10, TimeUnit.SECONDS));
            assertEquals(
                    new InFlightCounts(threads, threads, Map.of("P0", 8L, "P1", 8L, "P2", 8L, "P3", 8L)),
                    inFlight.counts());

            release.countDown();
            for (Future<?> future : done) {
                future.get(10, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(new InFlightCounts(0, threads, Map.of()), inFlight.counts());
    }

    @Test
    void concurrentArrivalsDeparturesAndPeakResetsNeverLoseACountOrShowThePeakBelowInFlight() throws Exception {
        int threads = 16;
        int requestsEach = 20_000;
        ExecutorService pool = Executors.newFixedThreadPool(threads + 1);
        CyclicBarrier start = new CyclicBarrier(threads + 1);
        AtomicBoolean running = new AtomicBoolean(true);
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                String printerId = "P" + (i % 3);
                workers.add(pool.submit(() -> {
                    start.await();
                    for (int n = 0; n < requestsEach; n++) {
                        RelayInFlight.Ticket ticket = inFlight.arrive(Optional.of(printerId));
                        ticket.close();
                        ticket.close();
                    }
                    return null;
                }));
            }
            Future<Integer> resetter = pool.submit(() -> {
                start.await();
                int resets = 0;
                while (running.get()) {
                    // InFlightCounts refuses a peak below inFlight, so a torn pair would throw here.
                    InFlightCounts counts = inFlight.resetPeak();
                    assertTrue(counts.inFlight() <= threads, counts.toString());
                    inFlight.counts();
                    resets++;
                }
                return resets;
            });
            for (Future<?> worker : workers) {
                worker.get(30, TimeUnit.SECONDS);
            }
            running.set(false);
            assertTrue(resetter.get(10, TimeUnit.SECONDS) > 0);
        } finally {
            pool.shutdownNow();
        }
        InFlightCounts after = inFlight.counts();
        assertEquals(0, after.inFlight());
        assertTrue(after.peakInFlight() <= threads, after.toString());
        assertEquals(Map.of(), after.byPrinter());
    }
}
