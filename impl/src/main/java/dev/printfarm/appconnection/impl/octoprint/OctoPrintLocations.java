package dev.printfarm.appconnection.impl.octoprint;

import dev.printfarm.appconnection.api.octoprint.OctoPrintStorage;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The names OctoPrint gives file locations: {@code local}; the printer's storage is {@code sdcard} in 1.x, {@code printer} in 2.0. */
final class OctoPrintLocations {

    private OctoPrintLocations() {}

    static Optional<OctoPrintStorage> parse(String origin) {
        return switch (origin.toLowerCase(Locale.ROOT)) {
            case "local" -> Optional.of(OctoPrintStorage.LOCAL);
            case "sdcard", "printer" -> Optional.of(OctoPrintStorage.PRINTER);
            default -> Optional.empty();
        };
    }

    /** The name to send for a location, given whether the printer's OctoPrint is 2.0 or later. */
    static String name(OctoPrintStorage location, boolean twoOrLater) {
        return location == OctoPrintStorage.LOCAL ? "local" : twoOrLater ? "printer" : "sdcard";
    }

    /** Every name a location may carry in an answer. */
    static List<String> names(OctoPrintStorage location) {
        return location == OctoPrintStorage.LOCAL ? List.of("local") : List.of("sdcard", "printer");
    }

    /** Whether a server version string ({@code 1.10.3}, {@code 2.0.0rc1}) is 2.0 or later. */
    static boolean twoOrLater(Optional<String> serverVersion) {
        if (serverVersion.isEmpty()) {
            return false;
        }
        String v = serverVersion.get().strip();
        int end = 0;
        while (end < v.length() && Character.isDigit(v.charAt(end))) {
            end++;
        }
        if (end == 0 || end > 6) {
            return false;
        }
        return Integer.parseInt(v.substring(0, end)) >= 2;
    }
}
