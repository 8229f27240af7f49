package dev.printfarm.appconnection.impl.commandapi;

import java.time.Duration;
import java.util.List;

/** {@code GET status}'s result; keys as the plugin writes them ({@code JobStatus}, ...), matched without case. */
public record CommandStatusAnswer(JobStatus jobStatus, Long features, String platformVersion) {

    /** The printer's state, print, lights and material system. */
    public record JobStatus(
            String state,
            String error,
            CurrentPrint currentPrint,
            List<Light> lights,
            CommandMaterialAnswer materialSystem) {}

    /** The print under way; a progress outside 0–100 is absent. */
    public record CurrentPrint(
            String fileName,
            Double progress,
            Duration durationSec,
            Duration timeLeftSec,
            Integer currentLayer,
            Integer totalLayers,
            Temps temps) {
        public CurrentPrint {
            progress = progress != null && progress >= 0 && progress <= 100 ? progress : null;
        }
    }

    /** Temperatures in °C. */
    public record Temps(
            Double bedActual,
            Double bedTarget,
            Double hotendActual,
            Double hotendTarget,
            Double chamberActual,
            Double chamberTarget) {}

    /** A light and whether it is on. */
    public record Light(String name, Boolean on) {}
}
