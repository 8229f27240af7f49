package dev.printfarm.appconnection.api.octoprint;

import java.util.Objects;
import java.util.Optional;

/**
 * OctoPrint's {@code /api/server}.
 *
 * @param safeMode why OctoPrint runs in safe mode ({@code settings}, {@code incomplete_startup}, ...); empty when it does not
 */
public record OctoPrintServer(Optional<String> version, Optional<String> safeMode) {

    public OctoPrintServer {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(safeMode, "safeMode");
    }
}
