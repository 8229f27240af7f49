package dev.printfarm.appconnection.impl.cluster;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Rows of one kind that every server of a cluster reads and writes ({@link SharedStore} in the module). */
public interface SharedItems {

    /** One shared item as read. */
    record Item(String item, String payload, Instant writtenAt, String writer) {}

    /** Writes every item of one kind in one transaction, each at {@code at} by {@code writer}. */
    void write(String kind, Map<String, String> payloads, Instant at, String writer);

    /** The items of one kind written at or after {@code since}, oldest first. */
    List<Item> writtenSince(String kind, Instant since);

    /** Forgets one item. */
    void delete(String kind, String item);
}
