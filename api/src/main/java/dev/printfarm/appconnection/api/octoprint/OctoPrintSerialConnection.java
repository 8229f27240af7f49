package dev.printfarm.appconnection.api.octoprint;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * OctoPrint's {@code GET /api/connection}: the connection between OctoPrint and the printer's controller.
 *
 * @param state             OctoPrint's text, e.g. {@code Operational}, {@code Printing}, {@code Closed}
 * @param availableProfiles the ids of the printer profiles OctoPrint offers
 */
public record OctoPrintSerialConnection(
        String state,
        Optional<String> port,
        OptionalInt baudrate,
        Optional<String> printerProfile,
        List<String> availablePorts,
        List<Integer> availableBaudrates,
        List<String> availableProfiles,
        boolean autoconnect) {

    public OctoPrintSerialConnection {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(port, "port");
        Objects.requireNonNull(baudrate, "baudrate");
        Objects.requireNonNull(printerProfile, "printerProfile");
        availablePorts = List.copyOf(availablePorts);
        availableBaudrates = List.copyOf(availableBaudrates);
        availableProfiles = List.copyOf(availableProfiles);
    }

    /** Whether OctoPrint is connected to the printer (any state but {@code Closed}, {@code Offline} or an error). */
    public boolean connected() {
        String s = state.toLowerCase(java.util.Locale.ROOT);
        return !(s.isEmpty() || s.startsWith("closed") || s.startsWith("offline") || s.contains("error"));
    }
}
