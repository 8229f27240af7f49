package dev.printfarm.appconnection.api.octoprint;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The part of OctoPrint's {@code GET /api/settings} a farm uses.
 *
 * @param name    the instance name shown in OctoPrint's UI ({@code appearance.name})
 * @param color   the UI colour ({@code appearance.color})
 * @param plugins the identifiers of the plugins that have settings
 */
public record OctoPrintSettings(
        Optional<String> name, Optional<String> color, Optional<OctoPrintWebcamSettings> webcam, Set<String> plugins) {

    public OctoPrintSettings {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(color, "color");
        Objects.requireNonNull(webcam, "webcam");
        plugins = Set.copyOf(plugins);
    }
}
