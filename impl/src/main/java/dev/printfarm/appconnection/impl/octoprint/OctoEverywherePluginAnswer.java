package dev.printfarm.appconnection.impl.octoprint;

import jakarta.json.bind.annotation.JsonbProperty;

/** {@code GET /api/plugin/octoeverywhere}; the plugin's keys have changed case over time, which the policy allows. */
public record OctoEverywherePluginAnswer(
        @JsonbProperty("PrinterId") String printerId,
        @JsonbProperty("PluginVersion") String pluginVersion) {}
