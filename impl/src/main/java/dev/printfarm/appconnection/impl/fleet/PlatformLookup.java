package dev.printfarm.appconnection.impl.fleet;

import dev.printfarm.appconnection.api.PrinterPlatform;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * What the fleet monitor knows about each printer's platform, so a refresh asks in the printer's terms. A printer whose
 * platform is not known yet is asked as an OctoPrint; the store is looked at again at most once per {@link #AGAIN}
 * (another server or a call may have learned it), and when the printer answers OctoPrint's {@code /api/printer} with
 * 404 it is asked what it runs — in the background, at most once per {@link #AGAIN}. Per printer because platforms
 * differ by printer; the state is a few fields per connection.
 */
final class PlatformLookup {

    /** How often a printer of unknown platform is looked up or asked again. */
    static final Duration AGAIN = Duration.ofMinutes(1);

    /** What the module may do for the lookup; the fleet monitor passes the module's beans. */
    interface Source {
        /** The platform when known already, without asking the printer. */
        Optional<PrinterPlatform> known(String connectionId);

        /** Asks the printer in the background what it runs; reports it with {@link PlatformLookup#learned}. */
        void askInBackground(String connectionId);

        /** Remembers a platform learned from an ordinary answer, in the background. */
        void rememberInBackground(String connectionId, PrinterPlatform platform);
    }

    private static final class Known {
        volatile PrinterPlatform platform;
        volatile Instant lookedUpAt = Instant.EPOCH;
        volatile Instant askedAt = Instant.EPOCH;
    }

    private final Source source;
    private final Clock clock;
    private final Map<String, Known> printers = new ConcurrentHashMap<>();
    private final Function<String, Known> fresh = id -> new Known();

    PlatformLookup(Source source, Clock clock) {
        this.source = source;
        this.clock = clock;
    }

    /** The printer's platform as far as known; {@link PrinterPlatform#UNKNOWN} means "ask as an OctoPrint". */
    PrinterPlatform of(String connectionId) {
        Known known = printers.computeIfAbsent(connectionId, fresh);
        PrinterPlatform platform = known.platform;
        if (platform != null) {
            return platform;
        }
        Instant now = clock.instant();
        if (Duration.between(known.lookedUpAt, now).compareTo(AGAIN) >= 0) {
            known.lookedUpAt = now;
            Optional<PrinterPlatform> kept = source.known(connectionId);
            if (kept.isPresent()) {
                known.platform = kept.get();
                return kept.get();
            }
        }
        return PrinterPlatform.UNKNOWN;
    }

    /** The printer answered {@code /api/printer}: an OctoPrint, remembered once. */
    void answeredAsOctoPrint(String connectionId) {
        Known known = printers.computeIfAbsent(connectionId, fresh);
        if (known.platform == null) {
            known.platform = PrinterPlatform.OCTOPRINT;
            source.rememberInBackground(connectionId, PrinterPlatform.OCTOPRINT);
        }
    }

    /** A printer of unknown platform answered {@code /api/printer} with 404: no OctoPrint there; ask what it runs. */
    void noOctoPrint(String connectionId) {
        Known known = printers.computeIfAbsent(connectionId, fresh);
        Instant now = clock.instant();
        if (known.platform != null || Duration.between(known.askedAt, now).compareTo(AGAIN) < 0) {
            return;
        }
        known.askedAt = now;
        source.askInBackground(connectionId);
    }

    /** What asking the printer found; {@link PrinterPlatform#UNKNOWN} changes nothing (asked again after a 404). */
    void learned(String connectionId, PrinterPlatform platform) {
        Known known = printers.get(connectionId);
        if (known != null && platform != PrinterPlatform.UNKNOWN) {
            known.platform = platform;
        }
    }

    void forget(String connectionId) {
        printers.remove(connectionId);
    }
}
