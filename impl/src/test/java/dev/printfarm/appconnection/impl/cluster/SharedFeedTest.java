package dev.printfarm.appconnection.impl.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SharedFeedTest {

    /** Rows in memory, as the store keeps them: one per (kind, item), the last write wins. */
    static final class Rows implements SharedItems {
        final Map<String, Item> rows = new HashMap<>();
        final List<String> deleted = new ArrayList<>();
        int writes;
        boolean failing;

        @Override
        public void write(String kind, Map<String, String> payloads, Instant at, String writer) {
            if (failing) {
                throw new IllegalStateException("store down");
            }
            writes++;
            payloads.forEach((item, payload) -> rows.put(kind + "/" + item, new Item(item, payload, at, writer)));
        }

        @Override
        public List<Item> writtenSince(String kind, Instant since) {
            return rows.entrySet().stream()
                    .filter(e -> e.getKey().startsWith(kind + "/"))
                    .map(Map.Entry::getValue)
                    .filter(i -> !i.writtenAt().isBefore(since))
                    .sorted(Comparator.comparing(Item::writtenAt))
                    .toList();
        }

        @Override
        public void delete(String kind, String item) {
            deleted.add(item);
            rows.remove(kind + "/" + item);
        }
    }

    private static final Instant T0 = Instant.parse("2026-12-06T10:00:00Z");
    private final Rows rows = new Rows();
    private final SharedFeed writer = new SharedFeed(rows, "fleet", Duration.ofSeconds(3));
    private final SharedFeed reader = new SharedFeed(rows, "fleet", Duration.ofSeconds(3));

    private static List<String> payloads(List<SharedItems.Item> items) {
        return items.stream().map(SharedItems.Item::payload).toList();
    }

    @Test
    void queuedItemsAreWrittenInOneTransactionTheLatestValueWinning() {
        writer.queue("a", "a1");
        writer.queue("b", "b1");
        writer.queue("a", "a2");
        assertEquals(2, writer.flush(T0, "s1"));
        assertEquals(1, rows.writes, "one transaction");
        assertEquals(
                List.of("a2", "b1"),
                payloads(reader.news(null)).stream().sorted().toList());
        assertEquals(T0, writer.writtenAt("a"));
        assertEquals(Instant.EPOCH, writer.writtenAt("never"));
        assertEquals(0, writer.flush(T0.plusSeconds(1), "s1"), "nothing queued, nothing written");
        assertEquals(1, rows.writes);
    }

    @Test
    void eachWriteIsTakenOnceThoughTheOverlapReadsItAgain() {
        writer.queue("a", "a1");
        writer.flush(T0, "s1");
        assertEquals(List.of("a1"), payloads(reader.news(null)));
        assertEquals(List.of(), reader.news(null), "read again within the overlap, not handed out again");
        writer.queue("a", "a2");
        writer.flush(T0.plusSeconds(1), "s1");
        assertEquals(List.of("a2"), payloads(reader.news(null)));
    }

    @Test
    void aRowStampedBeforeTheNewestSeenButCommittedLaterIsStillTaken() {
        writer.queue("a", "a1");
        writer.flush(T0.plusSeconds(10), "s1");
        assertEquals(List.of("a1"), payloads(reader.news(null)));
        // Another server's clock is two seconds behind; its row commits after the look above.
        SharedFeed late = new SharedFeed(rows, "fleet", Duration.ofSeconds(3));
        late.queue("b", "b1");
        late.flush(T0.plusSeconds(8), "s2");
        assertEquals(List.of("b1"), payloads(reader.news(null)));
        late.queue("c", "c1");
        late.flush(T0.plusSeconds(5), "s2");
        assertEquals(List.of(), reader.news(null), "older than the overlap: the reader cannot see it this way");
    }

    @Test
    void aServerCanSkipItsOwnWrites() {
        writer.queue("a", "mine");
        writer.flush(T0, "s1");
        SharedFeed other = new SharedFeed(rows, "fleet", Duration.ofSeconds(3));
        other.queue("b", "theirs");
        other.flush(T0.plusSeconds(1), "s2");
        assertEquals(List.of("theirs"), payloads(writer.news("s1")));
    }

    @Test
    void aFailedWriteStaysQueuedUnlessANewerValueCame() {
        writer.queue("a", "a1");
        writer.queue("b", "b1");
        rows.failing = true;
        assertThrows(IllegalStateException.class, () -> writer.flush(T0, "s1"));
        assertTrue(writer.hasQueued());
        writer.queue("a", "a2");
        rows.failing = false;
        assertEquals(2, writer.flush(T0.plusSeconds(1), "s1"));
        assertEquals(
                List.of("a2", "b1"),
                payloads(reader.news(null)).stream().sorted().toList());
    }

    @Test
    void forgettingDeletesTheRowWhenThisServerWroteItOrWhenAskedTo() {
        writer.queue("a", "a1");
        writer.flush(T0, "s1");
        writer.queue("b", "b1");
        writer.forget("a", false);
        writer.forget("b", false);
        writer.forget("c", true);
        assertEquals(List.of("a", "c"), rows.deleted);
        assertFalse(writer.hasQueued(), "b's queued value is dropped with it");
        writer.queue("d", "d1");
        writer.clearQueue();
        assertEquals(0, writer.flush(T0.plusSeconds(1), "s1"));
    }

    @Test
    void aNegativeOverlapIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new SharedFeed(rows, "fleet", Duration.ofSeconds(-1)));
    }
}
