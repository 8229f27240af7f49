package dev.printfarm.appconnection.sandbox.octoprint.files;

import dev.printfarm.appconnection.sandbox.printer.OctoPrintVersion;
import java.util.Optional;

/**
 * File locations as the client names them. Files on the printer's own storage are stored as {@code sdcard};
 * 1.x calls that location {@code sdcard}, the emulated 2.0 calls it {@code printer}.
 */
public final class Locations {

    private Locations() {}

    /** The stored location a client's name refers to; empty for a location this version does not know. */
    public static Optional<String> stored(String given, OctoPrintVersion version) {
        return switch (given) {
            case "local" -> Optional.of("local");
            case "sdcard" -> version == OctoPrintVersion.V1 ? Optional.of("sdcard") : Optional.empty();
            case "printer" -> version == OctoPrintVersion.V2 ? Optional.of("sdcard") : Optional.empty();
            default -> Optional.empty();
        };
    }

    public static String shown(String stored, OctoPrintVersion version) {
        return "sdcard".equals(stored) && version == OctoPrintVersion.V2 ? "printer" : stored;
    }
}
