package dev.printfarm.appconnection.api.moonraker;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A file in Moonraker's {@code gcodes} root.
 *
 * @param path        relative to the root, e.g. {@code parts/bracket.gcode}
 * @param permissions {@code rw}, {@code r}, or empty text for no access
 */
public record MoonrakerFile(String path, OptionalLong size, Optional<Instant> modified, Optional<String> permissions) {
    public MoonrakerFile {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(size, "size");
        Objects.requireNonNull(modified, "modified");
        Objects.requireNonNull(permissions, "permissions");
    }
}
