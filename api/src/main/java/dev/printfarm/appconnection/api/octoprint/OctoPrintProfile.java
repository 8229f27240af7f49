package dev.printfarm.appconnection.api.octoprint;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * One of OctoPrint's printer profiles ({@code GET /api/printerprofiles}).
 *
 * @param width  build volume in mm, when given; likewise {@code depth} and {@code height}
 */
public record OctoPrintProfile(
        String id,
        String name,
        Optional<String> model,
        boolean current,
        boolean isDefault,
        boolean heatedBed,
        boolean heatedChamber,
        int extruders,
        OptionalDouble width,
        OptionalDouble depth,
        OptionalDouble height) {

    public OctoPrintProfile {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(width, "width");
        Objects.requireNonNull(depth, "depth");
        Objects.requireNonNull(height, "height");
        if (extruders < 0) {
            throw new IllegalArgumentException("extruders must not be negative");
        }
    }
}
