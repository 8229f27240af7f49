package dev.printfarm.appconnection.impl.moonraker;

import jakarta.json.bind.annotation.JsonbProperty;

/** The farm's Klipper printer objects as Moonraker reports them (a query's {@code status}, or a merged subscription). */
public record MoonrakerObjects(
        @JsonbProperty("print_stats") PrintStats printStats,
        @JsonbProperty("virtual_sdcard") VirtualSdcard virtualSdcard,
        Heater extruder,
        @JsonbProperty("heater_bed") Heater heaterBed,
        @JsonbProperty("display_status") DisplayStatus displayStatus,
        Webhooks webhooks) {

    /** {@code print_stats}. */
    public record PrintStats(
            String filename,
            String state,
            @JsonbProperty("total_duration") Double totalDuration,
            @JsonbProperty("print_duration") Double printDuration,
            @JsonbProperty("filament_used") Double filamentUsed,
            String message,
            Info info) {}

    /** {@code print_stats.info}: the layers, when the slicer told. */
    public record Info(
            @JsonbProperty("current_layer") Integer currentLayer,
            @JsonbProperty("total_layer") Integer totalLayer) {}

    /** {@code virtual_sdcard}. */
    public record VirtualSdcard(
            @JsonbProperty("file_path") String filePath,
            Double progress,
            @JsonbProperty("is_active") Boolean active,
            @JsonbProperty("file_position") Long filePosition,
            @JsonbProperty("file_size") Long fileSize) {}

    /** {@code extruder}, {@code heater_bed}. */
    public record Heater(Double temperature, Double target, Double power) {}

    /** {@code display_status}. */
    public record DisplayStatus(Double progress, String message) {}

    /** {@code webhooks}: Klippy's own state. */
    public record Webhooks(
            String state, @JsonbProperty("state_message") String stateMessage) {}
}
