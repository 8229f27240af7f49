package dev.printfarm.appconnection.sandbox.push;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PushOutboxTest {

    private final RecordingTransport transport = RecordingTransport.holdingSends();
    private final List<Throwable> failures = new ArrayList<>();
    private int sent;
    private final PushOutbox outbox = new PushOutbox(transport, new PushOutbox.Listener() {
        @Override
        public void sent() {
            sent++;
        }

        @Override
        public void failed(Throwable failure) {
            failures.add(failure);
        }
    });

    @Test
    void oneMessageIsInFlightAtATimeAndTheRestFollowInOrder() {
        outbox.offer("a");
        outbox.offer("b");
        outbox.offer("c");
        assertEquals(List.of("a"), transport.sent);

        transport.completeNext(Optional.empty());
        assertEquals(List.of("a", "b"), transport.sent);
        transport.completeNext(Optional.empty());
        transport.completeNext(Optional.empty());

        assertEquals(List.of("a", "b", "c"), transport.sent);
        assertEquals(3, sent);
        outbox.offer("d");
        assertEquals(List.of("a", "b", "c", "d"), transport.sent);
    }

    @Test
    void aFailedSendClosesTheOutboxAndIsReportedOnce() {
        outbox.offer("a");
        outbox.offer("b");

        transport.completeNext(Optional.of(new IOException("Broken pipe")));

        assertEquals(1, failures.size());
        assertFalse(outbox.offer("c"));
        assertEquals(List.of("a"), transport.sent);
        assertEquals(0, sent);
    }

    @Test
    void aFullOutboxDropsNewMessages() {
        outbox.offer("in flight");
        for (int i = 0; i < PushOutbox.CAPACITY; i++) {
            assertTrue(outbox.offer("waiting " + i));
        }

        assertFalse(outbox.offer("one too many"));
        assertEquals(1, outbox.dropped());
    }

    @Test
    void aClosedOutboxSendsNothingMore() {
        outbox.offer("a");
        outbox.offer("b");

        outbox.close();
        transport.completeNext(Optional.empty());

        assertEquals(List.of("a"), transport.sent);
        assertFalse(outbox.offer("c"));
    }
}
