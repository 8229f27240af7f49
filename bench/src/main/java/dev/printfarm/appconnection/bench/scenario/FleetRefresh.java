package dev.printfarm.appconnection.bench.scenario;

import dev.printfarm.appconnection.bench.connect.Fleet;
import dev.printfarm.appconnection.bench.measure.Ratios;
import dev.printfarm.appconnection.bench.measure.ResultLine;
import dev.printfarm.appconnection.bench.measure.Samples;
import dev.printfarm.appconnection.bench.run.Params;
import dev.printfarm.appconnection.bench.run.Progress;
import dev.printfarm.appconnection.bench.sandbox.SandboxControl;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * fleet-refresh: every connection of this server (1,000 by default) on printers answering after {@code latency-ms}
 * (50), refreshed with {@code FleetMonitor.refreshAll()} under the configured fleet concurrency (100 on
 * bench-sandbox). After warm-up refreshes (at least {@code warmups}, and for at least {@code warmup}), {@code runs} are
 * measured; the median wall time is reported. The ideal is the issue's:
 * printers ÷ concurrency × latency (one request per printer). The module may send more than one request per printer
 * ({@code /api/printer}, and {@code /api/job} when the job can have moved), so {@code floor_ms} is the least time the
 * requests it did send need under the bound (requests ÷ concurrency × latency). Each measured refresh is paired with
 * a plain client sending the same number of relayed requests under the same bound ({@code raw_wall_ms}), before it
 * in every other run: what this JVM, machine and sandbox allow.
 */
@ApplicationScoped
public class FleetRefresh {

    @Inject
    FleetRuns runs;

    @Inject
    Fleet fleet;

    @Inject
    SandboxControl sandbox;

    @Inject
    @ConfigProperty(name = "appconnection.fleet.concurrency", defaultValue = "200")
    int concurrency;

    public String run(Params params, Progress progress) throws Exception {
        int latency = params.integer("latency-ms", 50, 1, 10_000);
        int warmups = params.integer("warmups", 2, 0, 20);
        Duration warmup = params.duration("warmup", Duration.ofSeconds(15), Duration.ZERO, Duration.ofMinutes(30));
        int count = params.integer("runs", 5, 1, 50);
        List<String> ids = fleet.ids();
        if (ids.isEmpty()) {
            throw new IllegalStateException("no connections on this server: run the connect step first");
        }
        sandbox.fleetLatency(latency);
        RawRelay raw = new RawRelay();
        long warmUntil = System.nanoTime() + warmup.toNanos();
        for (int i = 0; i < warmups || System.nanoTime() < warmUntil; i++) {
            progress.note("warm-up " + (i + 1) + ": " + runs.refresh().wall().toMillis() + " ms; a plain client: "
                    + raw.run(fleet.all(), ids.size(), concurrency).wall().toMillis() + " ms");
        }
        List<Long> walls = new ArrayList<>();
        List<Long> rawWalls = new ArrayList<>();
        List<Long> requests = new ArrayList<>();
        int peak = 0;
        long missed = 0;
        long rawFailed = 0;
        long sent = ids.size();
        for (int i = 0; i < count; i++) {
            // The plain client goes second in even runs and first in odd ones (with the previous run's request count).
            RawRelay.Outcome plain = i % 2 == 1 ? raw.run(fleet.all(), sent, concurrency) : null;
            sandbox.resetPeak();
            long before = sandbox.counts(ids).requests();
            FleetRuns.Refresh refresh = runs.refresh();
            SandboxControl.RelayCounts after = sandbox.counts(ids);
            sent = Math.min(Math.max(after.requests() - before, ids.size()), 2L * ids.size());
            walls.add(refresh.wall().toMillis());
            requests.add(after.requests() - before);
            peak = Math.max(peak, after.peakInFlight());
            missed += refresh.notRefreshed(ids);
            if (plain == null) {
                plain = raw.run(fleet.all(), sent, concurrency);
            }
            rawWalls.add(plain.wall().toMillis());
            rawFailed += plain.failed();
            progress.note("run " + (i + 1) + ": " + refresh.wall().toMillis() + " ms, " + (after.requests() - before)
                    + " requests, peak " + after.peakInFlight() + " in flight; a plain client: "
                    + plain.wall().toMillis()
                    + " ms");
        }
        long ideal = Ratios.idealMillis(ids.size(), concurrency, latency);
        double wall = Samples.median(walls);
        long medianRequests = Math.round(Samples.median(requests));
        return ResultLine.of("fleet-refresh")
                .put("printers", ids.size())
                .put("latency_ms", latency)
                .put("concurrency", concurrency)
                .put("runs", count)
                .put("stat", "median")
                .put("ideal_ms", ideal)
                .put("floor_ms", Ratios.idealMillis(medianRequests, concurrency, latency))
                .put("wall_ms", wall, 0)
                .put("best_ms", Samples.min(walls), 0)
                .put("worst_ms", Samples.max(walls), 0)
                .put("raw_wall_ms", Samples.median(rawWalls), 0)
                .put("requests", medianRequests)
                .put("peak_in_flight", peak)
                .put("not_refreshed", missed)
                .put("raw_failed", rawFailed)
                .withRatio(Ratios.ofTimes(wall, ideal));
    }
}
