package dev.printfarm.appconnection.sandbox.relay;

import java.util.SortedMap;

/** @param uploadBytes bytes of request bodies received through the relay for the connection, counted as they arrive */
public record ConnectionCounts(long total, SortedMap<Integer, Long> byStatus, long uploadBytes) {}
