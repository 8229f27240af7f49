package dev.printfarm.appconnection.api;

import java.util.Objects;
import java.util.Optional;

/** What the OctoEverywhere plugin on the printer says about itself ({@code GET /api/plugin/octoeverywhere}). */
public record OctoEverywherePlugin(String printerId, Optional<String> pluginVersion) {

    public OctoEverywherePlugin {
        Objects.requireNonNull(printerId, "printerId");
        Objects.requireNonNull(pluginVersion, "pluginVersion");
    }
}
