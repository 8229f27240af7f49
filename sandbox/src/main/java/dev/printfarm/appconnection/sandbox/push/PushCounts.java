package dev.printfarm.appconnection.sandbox.push;

import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One printer's push sockets since the last reset.
 *
 * @param open          sockets open now
 * @param authenticated open sockets that sent a valid {@code auth}
 * @param handshakes    relay handshakes answered for the printer, whatever the answer
 * @param statuses      those handshakes by answered status: 101 for each socket opened, else the relay's 6xx
 * @param framesSent    messages that reached the wire, {@code connected} included
 */
public record PushCounts(
        int open, int authenticated, long handshakes, SortedMap<Integer, Long> statuses, long framesSent) {

    public PushCounts {
        statuses = Collections.unmodifiableSortedMap(new TreeMap<>(statuses));
    }
}
