package dev.printfarm.appconnection.impl.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.printfarm.appconnection.api.PrinterPlatform;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PlatformLookupTest {

    private Instant now = Instant.parse("2026-12-06T10:00:00Z");
    private final Map<String, PrinterPlatform> stored = new HashMap<>();
    private final List<String> lookups = new ArrayList<>();
    private final List<String> asked = new ArrayList<>();
    private final List<String> remembered = new ArrayList<>();

    private final PlatformLookup lookup = new PlatformLookup(
            new PlatformLookup.Source() {
                @Override
                public Optional<PrinterPlatform> known(String connectionId) {
                    lookups.add(connectionId);
                    return Optional.ofNullable(stored.get(connectionId));
                }

                @Override
                public void askInBackground(String connectionId) {
                    asked.add(connectionId);
                }

                @Override
                public void rememberInBackground(String connectionId, PrinterPlatform platform) {
                    remembered.add(connectionId + "=" + platform);
                }
            },
            new Clock() {
                @Override
                public ZoneOffset getZone() {
                    return ZoneOffset.UTC;
                }

                @Override
                public Clock withZone(java.time.ZoneId zone) {
                    throw new UnsupportedOperationException();
                }

                @Override
                public Instant instant() {
                    return now;
                }
            });

    @Test
    void anUnknownPrinterIsAskedAsAnOctoPrintAndTheStoreIsLookedAtOncePerMinute() {
        assertEquals(PrinterPlatform.UNKNOWN, lookup.of("c"));
        assertEquals(PrinterPlatform.UNKNOWN, lookup.of("c"));
        now = now.plus(PlatformLookup.AGAIN).minusSeconds(1);
        assertEquals(PrinterPlatform.UNKNOWN, lookup.of("c"));
        assertEquals(List.of("c"), lookups, "one store read within the minute");
        stored.put("c", PrinterPlatform.MOONRAKER);
        now = now.plusSeconds(1);
        assertEquals(PrinterPlatform.MOONRAKER, lookup.of("c"), "another server or a call learned it");
        assertEquals(PrinterPlatform.MOONRAKER, lookup.of("c"));
        assertEquals(2, lookups.size(), "then remembered without asking the store");
    }

    @Test
    void anOctoPrintAnswerIsRememberedOnce() {
        lookup.answeredAsOctoPrint("c");
        lookup.answeredAsOctoPrint("c");
        assertEquals(PrinterPlatform.OCTOPRINT, lookup.of("c"));
        assertEquals(List.of("c=OCTOPRINT"), remembered);
        assertEquals(List.of(), lookups);
    }

    @Test
    void aPrinterWithoutOctoPrintIsAskedWhatItRunsAtMostOncePerMinute() {
        lookup.of("k");
        lookup.noOctoPrint("k");
        lookup.noOctoPrint("k");
        assertEquals(List.of("k"), asked);
        lookup.learned("k", PrinterPlatform.UNKNOWN);
        assertEquals(PrinterPlatform.UNKNOWN, lookup.of("k"), "it answered as none: still asked as an OctoPrint");
        now = now.plus(PlatformLookup.AGAIN);
        lookup.noOctoPrint("k");
        assertEquals(List.of("k", "k"), asked);
        lookup.learned("k", PrinterPlatform.MOONRAKER);
        assertEquals(PrinterPlatform.MOONRAKER, lookup.of("k"));
        now = now.plus(PlatformLookup.AGAIN);
        lookup.noOctoPrint("k");
        assertEquals(2, asked.size(), "known now: never asked again");
    }

    @Test
    void aForgottenPrinterStartsAfreshAndALateAnswerForItIsIgnored() {
        stored.put("c", PrinterPlatform.OTHER);
        assertEquals(PrinterPlatform.OTHER, lookup.of("c"));
        lookup.forget("c");
        lookup.learned("c", PrinterPlatform.MOONRAKER);
        stored.clear();
        assertEquals(PrinterPlatform.UNKNOWN, lookup.of("c"));
    }

    @Test
    void eachPrinterHasItsOwnTimers() {
        lookup.noOctoPrint("a");
        lookup.noOctoPrint("b");
        assertEquals(List.of("a", "b"), asked);
        assertEquals(Duration.ofMinutes(1), PlatformLookup.AGAIN);
    }
}
