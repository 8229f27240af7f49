package dev.printfarm.appconnection.api;

import java.util.Objects;
import java.util.Optional;

/**
 * What asking a printer on the LAN for its OctoEverywhere printer id found. Only {@link Outcome#FOUND}
 * carries an id; the other outcomes say what to tell the user.
 *
 * @param detail a sentence for the operator (no secret)
 */
public record PrinterDiscovery(
        Outcome outcome, Optional<String> printerId, Optional<String> pluginVersion, String detail) {

    public enum Outcome {
        /** The OctoEverywhere plugin answered with the printer id. */
        FOUND,
        /** OctoPrint answered, but the OctoEverywhere plugin is not installed (404). */
        PLUGIN_MISSING,
        /** Something answered, but not as OctoPrint with the plugin would (e.g. 403 for a missing API key). */
        UNEXPECTED_ANSWER,
        /** Nothing answered at that address. */
        UNREACHABLE
    }

    public PrinterDiscovery {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(printerId, "printerId");
        Objects.requireNonNull(pluginVersion, "pluginVersion");
        Objects.requireNonNull(detail, "detail");
        if ((outcome == Outcome.FOUND) != printerId.isPresent()) {
            throw new IllegalArgumentException("a printer id comes with FOUND and only with FOUND");
        }
    }
}
