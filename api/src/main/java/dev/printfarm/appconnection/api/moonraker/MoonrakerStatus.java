package dev.printfarm.appconnection.api.moonraker;

import dev.printfarm.appconnection.api.fleet.PrintJob;
import dev.printfarm.appconnection.api.fleet.Temperature;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * The farm's Klipper printer objects at one moment, as Moonraker reports them (names from Klipper's Status
 * Reference). An object the printer did not report is empty, and so is every field it did not report (blank texts
 * count as not reported); unknown objects and fields are ignored.
 *
 * @param eventtime Klipper's monotonic clock in seconds when the values were taken
 */
public record MoonrakerStatus(
        OptionalDouble eventtime,
        Optional<PrintStats> printStats,
        Optional<VirtualSdcard> virtualSdcard,
        Optional<Heater> extruder,
        Optional<Heater> heaterBed,
        Optional<DisplayStatus> displayStatus,
        Optional<Webhooks> webhooks) {

    public MoonrakerStatus {
        Objects.requireNonNull(eventtime, "eventtime");
        Objects.requireNonNull(printStats, "printStats");
        Objects.requireNonNull(virtualSdcard, "virtualSdcard");
        Objects.requireNonNull(extruder, "extruder");
        Objects.requireNonNull(heaterBed, "heaterBed");
        Objects.requireNonNull(displayStatus, "displayStatus");
        Objects.requireNonNull(webhooks, "webhooks");
    }

    /**
     * {@code print_stats}: the current (or last) print.
     *
     * @param filename      relative to the {@code gcodes} root; Klipper keeps the last print's until the next starts
     * @param state         {@code standby}, {@code printing}, {@code paused}, {@code complete}, {@code cancelled}
     *                      or {@code error}
     * @param totalDuration seconds since the print started, pauses included
     * @param printDuration seconds spent printing
     * @param filamentUsed  millimetres of filament used
     * @param message       why a print ended with an error
     */
    public record PrintStats(
            Optional<String> filename,
            Optional<String> state,
            OptionalDouble totalDuration,
            OptionalDouble printDuration,
            OptionalDouble filamentUsed,
            Optional<String> message,
            OptionalInt currentLayer,
            OptionalInt totalLayer) {
        public PrintStats {
            Objects.requireNonNull(filename, "filename");
            Objects.requireNonNull(state, "state");
            Objects.requireNonNull(totalDuration, "totalDuration");
            Objects.requireNonNull(printDuration, "printDuration");
            Objects.requireNonNull(filamentUsed, "filamentUsed");
            Objects.requireNonNull(message, "message");
            Objects.requireNonNull(currentLayer, "currentLayer");
            Objects.requireNonNull(totalLayer, "totalLayer");
        }
    }

    /**
     * {@code virtual_sdcard}: the file being printed.
     *
     * @param filePath the file's absolute path on the printer's host
     * @param progress how far the file has been read, 0–1
     * @param active   whether it is being printed now
     */
    public record VirtualSdcard(
            Optional<String> filePath,
            OptionalDouble progress,
            Optional<Boolean> active,
            OptionalLong filePosition,
            OptionalLong fileSize) {
        public VirtualSdcard {
            Objects.requireNonNull(filePath, "filePath");
            Objects.requireNonNull(progress, "progress");
            Objects.requireNonNull(active, "active");
            Objects.requireNonNull(filePosition, "filePosition");
            Objects.requireNonNull(fileSize, "fileSize");
        }
    }

    /**
     * A heater ({@code extruder}, {@code heater_bed}).
     *
     * @param temperature the measured temperature in °C
     * @param target      the target in °C, 0 when off
     * @param power       the heater's duty cycle, 0–1
     */
    public record Heater(OptionalDouble temperature, OptionalDouble target, OptionalDouble power) {
        public Heater {
            Objects.requireNonNull(temperature, "temperature");
            Objects.requireNonNull(target, "target");
            Objects.requireNonNull(power, "power");
        }
    }

    /**
     * {@code display_status}.
     *
     * @param progress the print's progress, 0–1 ({@code M73} or the file position)
     * @param message  the display message ({@code M117})
     */
    public record DisplayStatus(OptionalDouble progress, Optional<String> message) {
        public DisplayStatus {
            Objects.requireNonNull(progress, "progress");
            Objects.requireNonNull(message, "message");
        }
    }

    /**
     * {@code webhooks}: Klippy's own state.
     *
     * @param state {@code ready}, {@code startup}, {@code shutdown} or {@code error}
     */
    public record Webhooks(Optional<String> state, Optional<String> stateMessage) {
        public Webhooks {
            Objects.requireNonNull(state, "state");
            Objects.requireNonNull(stateMessage, "stateMessage");
        }
    }

    /**
     * The state in OctoPrint's words, as the fleet snapshots of every printer use them: "Printing", "Paused",
     * "Operational", or "Error" (a print error, or Klippy shut down), "Connecting" while Klippy starts.
     */
    public String statusText() {
        String klippy = webhooks.flatMap(Webhooks::state).orElse("ready").toLowerCase(java.util.Locale.ROOT);
        return switch (klippy) {
            case "shutdown", "error" -> "Error";
            case "startup" -> "Connecting";
            // Moonraker is there, Klipper is not: as OctoPrint says of a printer it has no serial connection to.
            case "disconnected" -> "Offline";
            default ->
                switch (printState()) {
                    case "printing" -> "Printing";
                    case "paused" -> "Paused";
                    case "error" -> "Error";
                    default -> "Operational";
                };
        };
    }

    /**
     * The print as a {@link PrintJob}: progress from {@code virtual_sdcard} (else {@code display_status}), the time
     * printed, and the time left estimated from both; progress and times only while a print runs or is paused.
     */
    public PrintJob job() {
        String state = printState();
        boolean running = state.equals("printing") || state.equals("paused");
        OptionalDouble fraction = virtualSdcard
                .map(VirtualSdcard::progress)
                .filter(OptionalDouble::isPresent)
                .orElseGet(() -> displayStatus.map(DisplayStatus::progress).orElse(OptionalDouble.empty()));
        OptionalDouble printed = printStats.map(PrintStats::printDuration).orElse(OptionalDouble.empty());
        OptionalDouble progress = running && fraction.isPresent()
                ? OptionalDouble.of(Math.max(0, Math.min(100, fraction.getAsDouble() * 100)))
                : OptionalDouble.empty();
        OptionalLong printTime = running && printed.isPresent()
                ? OptionalLong.of(Math.round(printed.getAsDouble()))
                : OptionalLong.empty();
        OptionalLong left = OptionalLong.empty();
        if (printTime.isPresent()
                && fraction.isPresent()
                && fraction.getAsDouble() > 0.001
                && fraction.getAsDouble() < 1) {
            left = OptionalLong.of(Math.round(printed.getAsDouble() / fraction.getAsDouble() - printed.getAsDouble()));
        }
        return new PrintJob(
                Optional.of(statusText()),
                printStats.flatMap(PrintStats::filename).filter(f -> !f.isBlank()),
                progress,
                printTime,
                left);
    }

    /** The heaters, named as OctoPrint names them: {@code tool0} (the extruder) and {@code bed}. */
    public java.util.List<Temperature> temperatures() {
        java.util.List<Temperature> heaters = new java.util.ArrayList<>();
        extruder.ifPresent(h -> heaters.add(new Temperature("tool0", h.temperature(), h.target())));
        heaterBed.ifPresent(h -> heaters.add(new Temperature("bed", h.temperature(), h.target())));
        return java.util.List.copyOf(heaters);
    }

    private String printState() {
        return printStats.flatMap(PrintStats::state).orElse("standby").toLowerCase(java.util.Locale.ROOT);
    }
}
