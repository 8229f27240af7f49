package dev.printfarm.appconnection.api.octoprint;

import java.util.Objects;
import java.util.OptionalInt;
import java.util.Set;

/**
 * What to ask {@code GET /api/printer} for: parts to leave out and whether to include temperature history.
 * Build with {@link #all()} and the {@code with…} methods.
 *
 * @param exclude      parts to leave out: {@code temperature}, {@code sd} (1.x) or {@code storage} (2.0), {@code state}
 * @param historyLimit with {@code history}: at most this many samples; empty for OctoPrint's default
 */
public record OctoPrintPrinterQuery(Set<String> exclude, boolean history, OptionalInt historyLimit) {

    private static final Set<String> PARTS = Set.of("temperature", "sd", "storage", "state");

    public OctoPrintPrinterQuery {
        exclude = Set.copyOf(exclude);
        Objects.requireNonNull(historyLimit, "historyLimit");
        for (String part : exclude) {
            if (!PARTS.contains(part)) {
                throw new IllegalArgumentException("exclude must be among " + PARTS + ", got '" + part + "'");
            }
        }
        if (historyLimit.isPresent() && (!history || historyLimit.getAsInt() < 1)) {
            throw new IllegalArgumentException("historyLimit needs history and must be at least 1");
        }
    }

    public static OctoPrintPrinterQuery all() {
        return new OctoPrintPrinterQuery(Set.of(), false, OptionalInt.empty());
    }

    public OctoPrintPrinterQuery excluding(String... parts) {
        return new OctoPrintPrinterQuery(Set.of(parts), history, historyLimit);
    }

    /** Include up to {@code limit} history samples. */
    public OctoPrintPrinterQuery withHistory(int limit) {
        return new OctoPrintPrinterQuery(exclude, true, OptionalInt.of(limit));
    }
}
