package dev.printfarm.appconnection.api.octoprint;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * A file or folder in OctoPrint's file list.
 *
 * @param path                  the path within its location, e.g. {@code parts/bracket.gcode}
 * @param type                  what OctoPrint says it is
 * @param estimatedPrintSeconds from OctoPrint's G-code analysis, when done
 * @param children              a folder's entries when listed recursively; empty otherwise
 */
public record OctoPrintFile(
        String name,
        String path,
        Optional<String> display,
        OctoPrintStorage location,
        Type type,
        OptionalLong size,
        Optional<Instant> date,
        OptionalDouble estimatedPrintSeconds,
        List<OctoPrintFile> children) {

    /** OctoPrint's {@code type}; {@link #OTHER} for anything it may add later. */
    public enum Type {
        FOLDER,
        MACHINECODE,
        MODEL,
        OTHER
    }

    public OctoPrintFile {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(display, "display");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(size, "size");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(estimatedPrintSeconds, "estimatedPrintSeconds");
        children = List.copyOf(children);
    }

    public boolean isFolder() {
        return type == Type.FOLDER;
    }
}
