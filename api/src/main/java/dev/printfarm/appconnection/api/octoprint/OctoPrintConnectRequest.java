package dev.printfarm.appconnection.api.octoprint;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * How OctoPrint should connect to the printer ({@code POST /api/connection}, command {@code connect}). Unset
 * fields leave the choice to OctoPrint's preferences. Build with {@link #auto()} and the {@code with…} methods.
 */
public record OctoPrintConnectRequest(
        Optional<String> port,
        OptionalInt baudrate,
        Optional<String> printerProfile,
        boolean save,
        boolean autoconnect) {

    public OctoPrintConnectRequest {
        Objects.requireNonNull(port, "port");
        Objects.requireNonNull(baudrate, "baudrate");
        Objects.requireNonNull(printerProfile, "printerProfile");
        if (port.filter(String::isBlank).isPresent()
                || printerProfile.filter(String::isBlank).isPresent()) {
            throw new IllegalArgumentException("port and printerProfile must not be blank when given");
        }
        if (baudrate.isPresent() && baudrate.getAsInt() <= 0) {
            throw new IllegalArgumentException("baudrate must be positive, got " + baudrate.getAsInt());
        }
    }

    public static OctoPrintConnectRequest auto() {
        return new OctoPrintConnectRequest(Optional.empty(), OptionalInt.empty(), Optional.empty(), false, false);
    }

    public OctoPrintConnectRequest withPort(String value) {
        return new OctoPrintConnectRequest(Optional.of(value), baudrate, printerProfile, save, autoconnect);
    }

    public OctoPrintConnectRequest withBaudrate(int value) {
        return new OctoPrintConnectRequest(port, OptionalInt.of(value), printerProfile, save, autoconnect);
    }

    public OctoPrintConnectRequest withPrinterProfile(String value) {
        return new OctoPrintConnectRequest(port, baudrate, Optional.of(value), save, autoconnect);
    }

    /** Also store the choices as OctoPrint's preferences, and connect automatically on OctoPrint's start. */
    public OctoPrintConnectRequest savedWithAutoconnect() {
        return new OctoPrintConnectRequest(port, baudrate, printerProfile, true, true);
    }
}
