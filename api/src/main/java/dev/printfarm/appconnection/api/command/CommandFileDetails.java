package dev.printfarm.appconnection.api.command;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/** What the command API knows about one file, mostly from its slicer; absent when the printer did not say. */
public record CommandFileDetails(
        CommandFile file,
        Optional<Duration> estimatedPrintTime,
        OptionalDouble filamentMm,
        OptionalInt layerCount,
        OptionalDouble layerHeightMm,
        Optional<String> filamentType,
        Optional<String> slicer) {

    public CommandFileDetails {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(estimatedPrintTime, "estimatedPrintTime");
        Objects.requireNonNull(filamentMm, "filamentMm");
        Objects.requireNonNull(layerCount, "layerCount");
        Objects.requireNonNull(layerHeightMm, "layerHeightMm");
        Objects.requireNonNull(filamentType, "filamentType");
        Objects.requireNonNull(slicer, "slicer");
    }
}
