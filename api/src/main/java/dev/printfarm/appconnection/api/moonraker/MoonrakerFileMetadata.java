package dev.printfarm.appconnection.api.moonraker;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * What Moonraker read from a G-code file's slicer comments ({@code /server/files/metadata}); which fields exist
 * depends on the slicer.
 *
 * @param filename               relative to the {@code gcodes} root
 * @param estimatedSeconds       the slicer's estimate of the print time
 * @param objectHeight           the tallest object's height in mm
 * @param filamentTotal          filament length in mm
 * @param filamentWeight         filament weight in g
 * @param firstLayerExtruderTemp °C
 * @param firstLayerBedTemp      °C
 * @param jobId                  the last history job that printed it
 * @param printStartTime         when it was last printed
 */
public record MoonrakerFileMetadata(
        String filename,
        OptionalLong size,
        Optional<Instant> modified,
        Optional<String> slicer,
        Optional<String> slicerVersion,
        OptionalDouble estimatedSeconds,
        OptionalDouble objectHeight,
        OptionalDouble layerHeight,
        OptionalDouble firstLayerHeight,
        OptionalInt layerCount,
        OptionalDouble nozzleDiameter,
        Optional<String> filamentName,
        Optional<String> filamentType,
        OptionalDouble filamentTotal,
        OptionalDouble filamentWeight,
        OptionalDouble firstLayerExtruderTemp,
        OptionalDouble firstLayerBedTemp,
        Optional<String> jobId,
        Optional<Instant> printStartTime) {
    public MoonrakerFileMetadata {
        Objects.requireNonNull(filename, "filename");
        Objects.requireNonNull(size, "size");
        Objects.requireNonNull(modified, "modified");
        Objects.requireNonNull(slicer, "slicer");
        Objects.requireNonNull(slicerVersion, "slicerVersion");
        Objects.requireNonNull(estimatedSeconds, "estimatedSeconds");
        Objects.requireNonNull(objectHeight, "objectHeight");
        Objects.requireNonNull(layerHeight, "layerHeight");
        Objects.requireNonNull(firstLayerHeight, "firstLayerHeight");
        Objects.requireNonNull(layerCount, "layerCount");
        Objects.requireNonNull(nozzleDiameter, "nozzleDiameter");
        Objects.requireNonNull(filamentName, "filamentName");
        Objects.requireNonNull(filamentType, "filamentType");
        Objects.requireNonNull(filamentTotal, "filamentTotal");
        Objects.requireNonNull(filamentWeight, "filamentWeight");
        Objects.requireNonNull(firstLayerExtruderTemp, "firstLayerExtruderTemp");
        Objects.requireNonNull(firstLayerBedTemp, "firstLayerBedTemp");
        Objects.requireNonNull(jobId, "jobId");
        Objects.requireNonNull(printStartTime, "printStartTime");
    }
}
