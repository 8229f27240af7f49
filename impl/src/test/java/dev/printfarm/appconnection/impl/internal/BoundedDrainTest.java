package dev.printfarm.appconnection.impl.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class BoundedDrainTest {

    @Test
    void neverMoreThanTheLimitRunAndEachFinishedOneStartsTheNext() {
        List<CompletableFuture<Void>> started = new ArrayList<>();
        BoundedDrain<Integer> drain = new BoundedDrain<>(3, item -> {
            CompletableFuture<Void> work = new CompletableFuture<>();
            started.add(work);
            return work;
        });
        for (int i = 0; i < 10; i++) {
            assertTrue(drain.offer(i));
        }
        assertEquals(10, drain.waiting());
        drain.drain();
        assertEquals(3, started.size());
        assertEquals(3, drain.running());
        assertEquals(7, drain.waiting());
        for (int i = 0; i < 10; i++) {
            assertFalse(drain.offer(i), "offered again while queued or running: the queue does not grow");
        }
        assertEquals(7, drain.waiting());
        started.get(0).complete(null);
        assertEquals(4, started.size(), "a finished one starts the next");
        assertEquals(3, drain.running());
        for (int i = 0; i < 20 && drain.running() > 0; i++) {
            started.stream().filter(f -> !f.isDone()).findFirst().ifPresent(f -> f.complete(null));
        }
        assertEquals(10, started.size());
        assertEquals(0, drain.running());
        assertEquals(0, drain.waiting());
    }

    @Test
    void anItemQueuedOrRunningIsNotQueuedAgainAndAFailureFreesItsSlot() {
        List<CompletableFuture<Void>> started = new ArrayList<>();
        BoundedDrain<String> drain = new BoundedDrain<>(1, item -> {
            if (item.equals("bad")) {
                throw new IllegalStateException("boom");
            }
            CompletableFuture<Void> work = new CompletableFuture<>();
            started.add(work);
            return work;
        });
        assertTrue(drain.offer("bad"));
        assertTrue(drain.offer("a"));
        assertFalse(drain.offer("a"));
        drain.drain();
        assertEquals(1, started.size(), "the throwing item freed its slot for the next");
        assertFalse(drain.offer("a"), "still running");
        started.get(0).completeExceptionally(new RuntimeException());
        assertEquals(0, drain.running());
        assertTrue(drain.offer("a"), "done, so it may be queued again");
        drain.close();
        assertFalse(drain.offer("b"));
    }

    @Test
    void whoeverHearsThatAnItemFinishedCanQueueItAgainAtOnce() {
        List<CompletableFuture<Void>> started = new ArrayList<>();
        List<Boolean> offeredAgain = new ArrayList<>();
        AtomicReference<BoundedDrain<String>> drain = new AtomicReference<>();
        drain.set(new BoundedDrain<>(
                1,
                item -> {
                    CompletableFuture<Void> work = new CompletableFuture<>();
                    started.add(work);
                    return work;
                },
                item -> offeredAgain.add(drain.get().offer(item))));
        assertTrue(drain.get().offer("a"));
        drain.get().drain();
        started.get(0).complete(null);
        assertEquals(List.of(true), offeredAgain, "the slot and the item were free when it was told");
        assertEquals(2, started.size(), "and the item queued again ran");
    }

    /** A drain with a slow lane on a hand-moved clock; every started item's work is kept by name. */
    private static final class SlowLaneDrain {
        final AtomicLong nanos = new AtomicLong();
        final Map<String, CompletableFuture<Void>> started = new LinkedHashMap<>();
        final List<String> finished = new ArrayList<>();
        final BoundedDrain<String> drain;

        SlowLaneDrain(int limit, int slowLimit) {
            drain = BoundedDrain.withSlowLane(
                    limit,
                    slowLimit,
                    nanos::get,
                    item -> {
                        CompletableFuture<Void> work = new CompletableFuture<>();
                        started.put(item, work);
                        return work;
                    },
                    finished::add);
        }

        void advance(long millis) {
            nanos.addAndGet(TimeUnit.MILLISECONDS.toNanos(millis));
        }

        /** Runs {@code count} items one after the other, each taking {@code millis}: the drain learns what is typical. */
        void learn(int count, long millis) {
            for (int i = 0; i < count; i++) {
                String item = "typical-" + i;
                drain.offer(item);
                drain.drain();
                advance(millis);
                started.get(item).complete(null);
            }
        }

        void offerAndDrain(String... items) {
            for (String item : items) {
                assertTrue(drain.offer(item));
            }
            drain.drain();
        }
    }

    @Test
    void anItemRunningThreeTimesLongerThanTheTypicalOneGivesItsSlotToTheNext() {
        SlowLaneDrain d = new SlowLaneDrain(1, 1);
        d.learn(BoundedDrain.LEARNING_ITEMS, 100);
        d.offerAndDrain("hanging", "next");
        assertEquals(List.of("hanging"), List.copyOf(d.started.keySet()).subList(16, 17));
        assertFalse(d.started.containsKey("next"), "the one slot is taken");
        d.advance(299);
        d.drain.drain();
        assertFalse(d.started.containsKey("next"), "not yet three times the typical 100 ms");
        d.advance(2);
        d.drain.drain();
        assertTrue(d.started.containsKey("next"), "the hanging item gave its slot away");
        assertEquals(1, d.drain.running());
        assertEquals(1, d.drain.slow());
        assertEquals(0, d.drain.waiting());
        assertFalse(d.drain.offer("hanging"), "still running, so not queued twice");

        d.started.get("hanging").complete(null);
        assertEquals(0, d.drain.slow());
        assertEquals(1, d.drain.running(), "the slot is still the next one's");
        assertEquals("hanging", d.finished.get(d.finished.size() - 1));
        assertTrue(d.drain.offer("hanging"), "done, so it may be queued again");
    }

    @Test
    void aFullSlowLaneKeepsSlowItemsInTheirSlots() {
        SlowLaneDrain d = new SlowLaneDrain(2, 1);
        d.learn(BoundedDrain.LEARNING_ITEMS, 100);
        d.offerAndDrain("slow-1", "slow-2", "next");
        d.advance(1_000);
        d.drain.drain();
        assertEquals(1, d.drain.slow(), "one in the slow lane, which is then full");
        assertEquals(2, d.drain.running(), "the other slow one and the next one hold the slots");
        assertTrue(d.started.containsKey("next"));
        d.offerAndDrain("after");
        assertFalse(d.started.containsKey("after"), "both slots taken, the lane full");
        d.started.get("slow-1").complete(null);
        d.drain.drain();
        assertEquals(1, d.drain.slow(), "the lane had room again, so slow-2 moved into it");
        assertTrue(d.started.containsKey("after"), "and its slot started the one waiting");
    }

    @Test
    void noItemGivesItsSlotAwayBeforeTheDrainHasLearnedWhatIsTypical() {
        SlowLaneDrain d = new SlowLaneDrain(1, 1);
        d.learn(BoundedDrain.LEARNING_ITEMS - 1, 100);
        d.offerAndDrain("hanging", "next");
        d.advance(60_000);
        d.drain.drain();
        assertFalse(d.started.containsKey("next"));
        assertEquals(0, d.drain.slow());
    }

    @Test
    void withoutASlowLaneAnItemKeepsItsSlotHoweverLongItRuns() {
        SlowLaneDrain d = new SlowLaneDrain(1, 0);
        d.learn(BoundedDrain.LEARNING_ITEMS * 2, 100);
        d.offerAndDrain("hanging", "next");
        d.advance(60_000);
        d.drain.drain();
        assertFalse(d.started.containsKey("next"));
    }

    @Test
    void theFloorKeepsVeryFastTypicalItemsFromMakingEveryItemSlow() {
        SlowLaneDrain d = new SlowLaneDrain(1, 1);
        d.learn(BoundedDrain.LEARNING_ITEMS, 1);
        d.offerAndDrain("hanging", "next");
        d.advance(49);
        d.drain.drain();
        assertFalse(d.started.containsKey("next"), "3 ms would be three times typical, but the floor is 50 ms");
        d.advance(1);
        d.drain.drain();
        assertTrue(d.started.containsKey("next"));
    }

    @Test
    void whatTheDrainTracksStaysWithinItsSlotsWhileASlowItemWaitsForTheFullLane() {
        SlowLaneDrain d = new SlowLaneDrain(2, 1);
        d.learn(BoundedDrain.LEARNING_ITEMS, 100);
        d.offerAndDrain("slow-1", "slow-2");
        d.advance(1_000);
        d.drain.drain();
        assertEquals(1, d.drain.slow(), "slow-1 filled the lane; slow-2 keeps its slot");
        for (int i = 0; i < 500; i++) {
            d.offerAndDrain("quick-" + i);
            d.advance(10);
            d.started.get("quick-" + i).complete(null);
        }
        assertTrue(d.drain.trackedInSlots() <= 2, "tracked: " + d.drain.trackedInSlots());
    }
}
