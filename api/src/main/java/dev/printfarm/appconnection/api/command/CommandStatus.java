package dev.printfarm.appconnection.api.command;

import dev.printfarm.appconnection.api.fleet.PrintJob;
import dev.printfarm.appconnection.api.fleet.Temperature;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Set;

/**
 * A printer's status through OctoEverywhere's printer-agnostic command API, whatever the printer runs.
 *
 * @param state           what the printer is doing
 * @param error           the printer's error text, when it reports one
 * @param print           the current (or last) print, when there is one
 * @param lights          the printer's lights and whether each is on
 * @param features        what the printer's command API supports
 * @param platformVersion the printer software's version (OctoPrint's, Moonraker's, a printer firmware's)
 * @param materialSystem  where filament comes from and what extrudes it, when asked for and reported
 */
public record CommandStatus(
        State state,
        Optional<String> error,
        Optional<Print> print,
        List<Light> lights,
        Set<CommandFeature> features,
        Optional<String> platformVersion,
        Optional<MaterialSystem> materialSystem) {

    /** The job state; {@code UNKNOWN} for a state this module does not know yet. */
    public enum State {
        IDLE,
        PRINTING,
        PAUSED,
        COMPLETE,
        CANCELLED,
        ERROR,
        UNKNOWN
    }

    /**
     * A print's figures.
     *
     * @param progress percent, 0-100
     */
    public record Print(
            Optional<String> fileName,
            OptionalDouble progress,
            Optional<Duration> duration,
            Optional<Duration> timeLeft,
            OptionalInt currentLayer,
            OptionalInt totalLayers,
            Temperatures temperatures) {
        public Print {
            Objects.requireNonNull(fileName, "fileName");
            Objects.requireNonNull(progress, "progress");
            Objects.requireNonNull(duration, "duration");
            Objects.requireNonNull(timeLeft, "timeLeft");
            Objects.requireNonNull(currentLayer, "currentLayer");
            Objects.requireNonNull(totalLayers, "totalLayers");
            Objects.requireNonNull(temperatures, "temperatures");
        }
    }

    /** Heaters in °C; absent when the printer has no such heater or did not say. */
    public record Temperatures(
            OptionalDouble bedActual,
            OptionalDouble bedTarget,
            OptionalDouble hotendActual,
            OptionalDouble hotendTarget,
            OptionalDouble chamberActual,
            OptionalDouble chamberTarget) {
        public Temperatures {
            Objects.requireNonNull(bedActual, "bedActual");
            Objects.requireNonNull(bedTarget, "bedTarget");
            Objects.requireNonNull(hotendActual, "hotendActual");
            Objects.requireNonNull(hotendTarget, "hotendTarget");
            Objects.requireNonNull(chamberActual, "chamberActual");
            Objects.requireNonNull(chamberTarget, "chamberTarget");
        }
    }

    public record Light(String name, boolean on) {
        public Light {
            Objects.requireNonNull(name, "name");
        }
    }

    public CommandStatus {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(error, "error");
        Objects.requireNonNull(print, "print");
        lights = List.copyOf(lights);
        features = Set.copyOf(features);
        Objects.requireNonNull(platformVersion, "platformVersion");
        Objects.requireNonNull(materialSystem, "materialSystem");
    }

    /** The state in OctoPrint's words, as the fleet snapshots of every printer use them ("Printing", "Operational", ...). */
    public String statusText() {
        return switch (state) {
            case PRINTING -> "Printing";
            case PAUSED -> "Paused";
            case ERROR -> "Error";
            case UNKNOWN -> "Unknown";
            default -> "Operational";
        };
    }

    /** The print as a {@link PrintJob}; progress and times only while a print runs or is paused. */
    public PrintJob job() {
        boolean running = state == State.PRINTING || state == State.PAUSED;
        return new PrintJob(
                Optional.of(statusText()),
                print.flatMap(Print::fileName).filter(f -> !f.isBlank()),
                running ? print.map(Print::progress).orElse(OptionalDouble.empty()) : OptionalDouble.empty(),
                running ? seconds(print.flatMap(Print::duration)) : java.util.OptionalLong.empty(),
                running ? seconds(print.flatMap(Print::timeLeft)) : java.util.OptionalLong.empty());
    }

    /** The heaters the printer reported, named as OctoPrint names them: {@code tool0}, {@code bed}, {@code chamber}. */
    public List<Temperature> temperatures() {
        List<Temperature> heaters = new java.util.ArrayList<>();
        print.map(Print::temperatures).ifPresent(t -> {
            if (t.hotendActual().isPresent() || t.hotendTarget().isPresent()) {
                heaters.add(new Temperature("tool0", t.hotendActual(), t.hotendTarget()));
            }
            if (t.bedActual().isPresent() || t.bedTarget().isPresent()) {
                heaters.add(new Temperature("bed", t.bedActual(), t.bedTarget()));
            }
            if (t.chamberActual().isPresent() || t.chamberTarget().isPresent()) {
                heaters.add(new Temperature("chamber", t.chamberActual(), t.chamberTarget()));
            }
        });
        return List.copyOf(heaters);
    }

    private static java.util.OptionalLong seconds(Optional<Duration> d) {
        return d.map(x -> java.util.OptionalLong.of(x.toSeconds())).orElse(java.util.OptionalLong.empty());
    }

    /** Whether the printer supports the feature. */
    public boolean supports(CommandFeature feature) {
        return features.contains(feature);
    }
}
