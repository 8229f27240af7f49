package dev.printfarm.appconnection.impl.fleet;

import dev.printfarm.appconnection.api.fleet.PrintJob;
import dev.printfarm.appconnection.api.fleet.PrinterView;
import dev.printfarm.appconnection.api.fleet.Temperature;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Whether a new snapshot says something the previous did not, at the resolution a console shows: progress to a tenth
 * of a percent, temperatures to half a degree; the refresh time alone is no change.
 */
final class SnapshotDiff {

    private SnapshotDiff() {}

    static boolean changed(Optional<PrinterView> previous, PrinterView current) {
        if (previous.isEmpty()) {
            return true;
        }
        PrinterView p = previous.get();
        return p.state() != current.state()
                || p.route() != current.route()
                || !p.printerName().equals(current.printerName())
                || !p.statusText().equals(current.statusText())
                || !Objects.equals(
                        p.lastError().map(e -> e.octoEverywhereCode() + " " + e.printerStatus() + e.message()),
                        current.lastError().map(e -> e.octoEverywhereCode() + " " + e.printerStatus() + e.message()))
                || !jobKey(p.job()).equals(jobKey(current.job()))
                || !temperatureKey(p.temperatures()).equals(temperatureKey(current.temperatures()));
    }

    private static String jobKey(Optional<PrintJob> job) {
        return job.map(j -> j.statusText().orElse("") + "|" + j.file().orElse("") + "|"
                        + (j.progress().isPresent() ? Math.round(j.progress().getAsDouble() * 10) : -1))
                .orElse("");
    }

    private static List<String> temperatureKey(List<Temperature> temperatures) {
        return temperatures.stream()
                .map(t -> t.heater() + ":" + half(t.actual()) + "/" + half(t.target()))
                .toList();
    }

    private static long half(java.util.OptionalDouble d) {
        return d.isPresent() ? Math.round(d.getAsDouble() * 2) : Long.MIN_VALUE;
    }
}
