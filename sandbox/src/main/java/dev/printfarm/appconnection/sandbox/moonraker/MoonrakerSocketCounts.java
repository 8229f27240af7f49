package dev.printfarm.appconnection.sandbox.moonraker;

import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One printer's Moonraker sockets since the last reset.
 *
 * @param open       sockets open now
 * @param subscribed open sockets with a subscription
 * @param handshakes relay handshakes for {@code /websocket} answered for the printer, whatever the answer
 * @param statuses   those by answered status: 101 for each socket opened, else the relay's 6xx (or 404 when the
 *                   printer is not a Moonraker one)
 * @param framesSent messages that reached the wire
 */
public record MoonrakerSocketCounts(
        int open, int subscribed, long handshakes, SortedMap<Integer, Long> statuses, long framesSent) {

    public MoonrakerSocketCounts {
        statuses = Collections.unmodifiableSortedMap(new TreeMap<>(statuses));
    }
}
