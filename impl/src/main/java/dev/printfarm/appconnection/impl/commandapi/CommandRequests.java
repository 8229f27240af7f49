package dev.printfarm.appconnection.impl.commandapi;

import jakarta.json.bind.annotation.JsonbProperty;

/** The bodies this module sends the command API, with its key names; an absent ({@code null}) field is left out. */
public final class CommandRequests {

    private CommandRequests() {}

    /** A command without arguments: {@code {}}. */
    public record None() {}

    /** {@code pause}. */
    public record Pause(
            @JsonbProperty("SmartPause") boolean smartPause,
            @JsonbProperty("DisableHotend") Boolean disableHotend,
            @JsonbProperty("DisableBed") Boolean disableBed,
            @JsonbProperty("ZLiftMm") Double zLiftMm,
            @JsonbProperty("RetractFilamentMm") Double retractFilamentMm,
            @JsonbProperty("SuppressNotification") boolean suppressNotification) {}

    /** {@code start} and {@code files/delete}: a virtual path. */
    public record FilePath(@JsonbProperty("Path") String path) {}

    /** {@code set-light}. */
    public record Light(
            @JsonbProperty("Name") String name,
            @JsonbProperty("On") boolean on) {}

    /** {@code move-axis}. */
    public record Move(
            @JsonbProperty("Axis") String axis,
            @JsonbProperty("DistanceMm") double distanceMm) {}

    /** {@code extrude}. */
    public record Extrude(
            @JsonbProperty("Extruder") int extruder,
            @JsonbProperty("DistanceMm") double distanceMm) {}

    /** {@code set-temp}: the targets to set; the tool's number with the tool's target. */
    public record Temperatures(
            @JsonbProperty("BedC") Double bedC,
            @JsonbProperty("ChamberC") Double chamberC,
            @JsonbProperty("ToolC") Double toolC,
            @JsonbProperty("ToolNumber") Integer toolNumber) {}
}
