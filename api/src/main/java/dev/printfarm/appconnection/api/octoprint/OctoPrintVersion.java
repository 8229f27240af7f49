package dev.printfarm.appconnection.api.octoprint;

import java.util.Objects;
import java.util.Optional;

/** OctoPrint's {@code /api/version}; every field may be missing on some OctoPrint version. */
public record OctoPrintVersion(Optional<String> server, Optional<String> api, Optional<String> text) {
    public OctoPrintVersion {
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(api, "api");
        Objects.requireNonNull(text, "text");
    }
}
