package dev.printfarm.appconnection.sandbox.relay;

import java.util.SortedMap;

public record ConnectionCounts(long total, SortedMap<Integer, Long> byStatus) {
}
