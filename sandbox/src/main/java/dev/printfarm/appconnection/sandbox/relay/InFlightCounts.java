package dev.printfarm.appconnection.sandbox.relay;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * Relayed requests being handled at one moment.
 *
 * @param inFlight     all of them
 * @param peakInFlight the most there have been at once since the start or the last peak reset; never below
 *                     {@code inFlight}
 * @param byPrinter    per printer (of a known connection), only printers with at least one; sorted by printer id
 */
public record InFlightCounts(long inFlight, long peakInFlight, Map<String, Long> byPrinter) {

    public InFlightCounts {
        if (inFlight < 0 || peakInFlight < inFlight) {
            throw new IllegalArgumentException("in flight " + inFlight + ", peak " + peakInFlight);
        }
        byPrinter = Collections.unmodifiableSortedMap(new TreeMap<>(byPrinter));
    }
}
