package dev.printfarm.appconnection.impl.cluster;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One kind of shared item as a feed between the servers of a cluster: what one server queues is written at its next
 * {@link #flush}, and the others take each written item once with {@link #news}. Used by the fleet monitor (printer
 * views), Gadget (answers) and the opened-connection cache (changes), so the rules live in one place:
 * <ul>
 * <li>a server reads again {@code overlap} before the newest write it saw, because a row stamped earlier by another
 * server's clock may commit after that look; an item already taken with the same stamp is not handed out again;</li>
 * <li>queued items are written in one transaction, the latest value per item winning; a write that fails stays queued
 * for the next flush unless a newer value replaced it;</li>
 * <li>{@link #writtenAt} tells when this server last wrote an item, for heartbeats.</li>
 * </ul>
 * Thread-safe; the store calls are the caller's to schedule (typically once per tick).
 */
public final class SharedFeed {

    private final SharedItems items;
    private final String kind;
    private final Duration overlap;
    private final Map<String, String> queued = new ConcurrentHashMap<>();
    private final Map<String, Instant> written = new ConcurrentHashMap<>();
    /** The stamp of each item taken within the overlap, so a row read twice is handed out once. */
    private final Map<String, Instant> taken = new ConcurrentHashMap<>();

    private volatile Instant seenUpTo = Instant.EPOCH;

    public SharedFeed(SharedItems items, String kind, Duration overlap) {
        if (overlap.isNegative()) {
            throw new IllegalArgumentException("the overlap must not be negative, was " + overlap);
        }
        this.items = items;
        this.kind = kind;
        this.overlap = overlap;
    }

    public String kind() {
        return kind;
    }

    /** Queues an item's newest value for the next {@link #flush}. */
    public void queue(String item, String payload) {
        queued.put(item, payload);
    }

    /** Whether anything waits for the next flush. */
    public boolean hasQueued() {
        return !queued.isEmpty();
    }

    /** Drops what waits for the next flush (this server stopped doing the work). */
    public void clearQueue() {
        queued.clear();
    }

    /**
     * Writes what was queued, in one transaction stamped {@code at}; returns how many items. When the write fails, the
     * items stay queued (a newer value queued meanwhile wins) and the failure is thrown.
     */
    public int flush(Instant at, String writer) {
        if (queued.isEmpty()) {
            return 0;
        }
        Map<String, String> batch = new HashMap<>();
        for (String item : List.copyOf(queued.keySet())) {
            String payload = queued.remove(item);
            if (payload != null) {
                batch.put(item, payload);
            }
        }
        try {
            items.write(kind, batch, at, writer);
        } catch (RuntimeException e) {
            batch.forEach(queued::putIfAbsent);
            throw e;
        }
        batch.keySet().forEach(item -> written.put(item, at));
        return batch.size();
    }

    /** When this server last wrote the item; {@link Instant#EPOCH} if never. */
    public Instant writtenAt(String item) {
        return written.getOrDefault(item, Instant.EPOCH);
    }

    /**
     * The items written since the last look, oldest first, each (item, stamp) once; with {@code skipWriter}, not those
     * that writer wrote (a server ignoring its own).
     */
    public List<SharedItems.Item> news(String skipWriter) {
        Instant from = seenUpTo.minus(overlap);
        List<SharedItems.Item> fresh = new ArrayList<>();
        Instant newest = seenUpTo;
        for (SharedItems.Item item : items.writtenSince(kind, from)) {
            if (item.writtenAt().isAfter(newest)) {
                newest = item.writtenAt();
            }
            if (item.writtenAt().equals(taken.put(item.item(), item.writtenAt()))) {
                continue;
            }
            if (skipWriter == null || !skipWriter.equals(item.writer())) {
                fresh.add(item);
            }
        }
        seenUpTo = newest;
        Instant keepFrom = newest.minus(overlap);
        taken.values().removeIf(at -> at.isBefore(keepFrom));
        return fresh;
    }

    /** Forgets the item here and, when {@code shared}, in the store. */
    public void forget(String item, boolean shared) {
        queued.remove(item);
        boolean wroteIt = written.remove(item) != null;
        taken.remove(item);
        if (shared || wroteIt) {
            items.delete(kind, item);
        }
    }
}
