package dev.printfarm.appconnection.api.command;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A file on the printer as the command API lists it. {@code virtualPath} (e.g. {@code gcode/benchy.gcode}) is what the
 * other file commands take.
 */
public record CommandFile(
        String name,
        String virtualPath,
        Optional<String> platformPath,
        OptionalLong sizeBytes,
        Optional<Instant> modifiedAt) {

    public CommandFile {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(virtualPath, "virtualPath");
        Objects.requireNonNull(platformPath, "platformPath");
        Objects.requireNonNull(sizeBytes, "sizeBytes");
        Objects.requireNonNull(modifiedAt, "modifiedAt");
    }
}
