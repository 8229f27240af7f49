package dev.printfarm.appconnection.impl.commandapi;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A file or folder of {@code files/list} (folders have {@code Children}), an upload's result, or a file's
 * {@code files/details} (which add the slicer's figures).
 */
public record CommandFileAnswer(
        String name,
        String fileName,
        String virtualPath,
        String platformPath,
        String type,
        Long sizeBytes,
        Instant modifiedTimeSec,
        List<CommandFileAnswer> children,
        Duration estPrintTimeSec,
        Double estFilamentUsedMm,
        Integer layerCount,
        Double layerHeightMm,
        String filamentType,
        String slicer) {}
