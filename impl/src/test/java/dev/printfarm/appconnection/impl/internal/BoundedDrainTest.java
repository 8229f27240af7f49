package dev.printfarm.appconnection.impl.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
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
}
