package dev.printfarm.appconnection.api.octoprint;

import java.util.Objects;
import java.util.Optional;

/**
 * A system command OctoPrint offers ({@code GET /api/system/commands}), e.g. restart OctoPrint or shut down.
 *
 * @param source  {@code core} or {@code custom}
 * @param confirm the warning OctoPrint's UI shows before running it, if any
 */
public record OctoPrintSystemCommand(String source, String action, String name, Optional<String> confirm) {

    public OctoPrintSystemCommand {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(confirm, "confirm");
        if (source.isBlank() || action.isBlank()) {
            throw new IllegalArgumentException("a system command needs a source and an action");
        }
    }
}
