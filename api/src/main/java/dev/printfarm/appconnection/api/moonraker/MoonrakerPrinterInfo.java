package dev.printfarm.appconnection.api.moonraker;

import java.util.Objects;
import java.util.Optional;

/**
 * Moonraker's {@code /printer/info}: Klippy and its host.
 *
 * @param state           {@code ready}, {@code startup}, {@code shutdown} or {@code error}
 * @param stateMessage    Klippy's explanation of the state
 * @param softwareVersion Klipper's version
 */
public record MoonrakerPrinterInfo(
        Optional<String> state,
        Optional<String> stateMessage,
        Optional<String> hostname,
        Optional<String> softwareVersion,
        Optional<String> cpuInfo) {
    public MoonrakerPrinterInfo {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(stateMessage, "stateMessage");
        Objects.requireNonNull(hostname, "hostname");
        Objects.requireNonNull(softwareVersion, "softwareVersion");
        Objects.requireNonNull(cpuInfo, "cpuInfo");
    }
}
