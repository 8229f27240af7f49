package dev.printfarm.appconnection.impl.fleet;

import dev.printfarm.appconnection.api.ConnectionRoute;
import dev.printfarm.appconnection.api.ConnectionState;
import dev.printfarm.appconnection.api.fleet.PrintJob;
import dev.printfarm.appconnection.api.fleet.PrinterView;
import dev.printfarm.appconnection.api.fleet.Temperature;
import dev.printfarm.appconnection.impl.json.Optionals;
import dev.printfarm.appconnection.impl.json.WireJson;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * A snapshot as the servers of a cluster share it in the store ({@link Stored}): the lease holder writes, the others
 * read. Only this class writes and reads the format, so it may change with the module (a server reading a row it
 * cannot use skips it until the holder writes it again).
 */
final class SnapshotJson {

    private SnapshotJson() {}

    /** The stored form; an absent field is left out. */
    public record Stored(
            String id,
            String name,
            String state,
            String route,
            Instant updatedAt,
            String stateText,
            Job job,
            List<Heater> temperatures,
            Failure lastError) {}

    /** The job's fields. */
    public record Job(String state, String file, Double progress, Long printTime, Long printTimeLeft) {}

    /** A heater's temperatures. */
    public record Heater(String heater, Double actual, Double target, Double offset) {}

    /** The last refresh failure: OctoEverywhere's code and the printer's status, each when there was one. */
    public record Failure(Integer code, Integer printerStatus, String message, Boolean temporary, String remedy) {}

    static String write(PrinterView s) {
        Job job = s.job()
                .map(j -> new Job(
                        j.statusText().orElse(null),
                        j.file().orElse(null),
                        value(j.progress()),
                        value(j.printTimeSeconds()),
                        value(j.printTimeLeftSeconds())))
                .orElse(null);
        List<Heater> heaters = s.temperatures().stream()
                .map(t -> new Heater(t.heater(), value(t.actual()), value(t.target()), value(t.offset())))
                .toList();
        Failure failure = s.lastError()
                .map(e -> new Failure(
                        value(e.octoEverywhereCode()),
                        value(e.printerStatus()),
                        e.message(),
                        e.temporary(),
                        e.remedy().map(URI::toString).orElse(null)))
                .orElse(null);
        return WireJson.write(new Stored(
                s.connectionId(),
                s.printerName(),
                s.state().name(),
                s.route().name(),
                s.updatedAt(),
                s.statusText().orElse(null),
                job,
                heaters,
                failure));
    }

    /** @throws RuntimeException for a row that is not a snapshot */
    static PrinterView read(String text) {
        Stored s = WireJson.read(text, Stored.class);
        Optional<PrintJob> job = Optional.ofNullable(s.job())
                .map(j -> new PrintJob(
                        Optional.ofNullable(j.state()),
                        Optional.ofNullable(j.file()),
                        Optionals.of(j.progress()),
                        Optionals.of(j.printTime()),
                        Optionals.of(j.printTimeLeft())));
        List<Temperature> temperatures = s.temperatures().stream()
                .map(t -> new Temperature(
                        Objects.requireNonNull(t.heater(), "heater"),
                        Optionals.of(t.actual()),
                        Optionals.of(t.target()),
                        Optionals.of(t.offset())))
                .toList();
        Optional<PrinterView.Failure> error = Optional.ofNullable(s.lastError())
                .map(e -> new PrinterView.Failure(
                        Optionals.of(e.code()),
                        Optionals.of(e.printerStatus()),
                        e.message(),
                        Optionals.isTrue(e.temporary()),
                        Optional.ofNullable(e.remedy()).map(URI::create)));
        return new PrinterView(
                s.id(),
                s.name(),
                ConnectionState.valueOf(s.state()),
                ConnectionRoute.valueOf(s.route()),
                Optional.ofNullable(s.stateText()),
                job,
                temperatures,
                error,
                s.updatedAt());
    }

    private static Double value(OptionalDouble value) {
        return value.isPresent() ? value.getAsDouble() : null;
    }

    private static Long value(OptionalLong value) {
        return value.isPresent() ? value.getAsLong() : null;
    }

    private static Integer value(OptionalInt value) {
        return value.isPresent() ? value.getAsInt() : null;
    }
}
