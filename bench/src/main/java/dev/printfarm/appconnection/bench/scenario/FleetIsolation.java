package dev.printfarm.appconnection.bench.scenario;

import dev.printfarm.appconnection.api.fleet.PrinterView;
import dev.printfarm.appconnection.bench.connect.Completion;
import dev.printfarm.appconnection.bench.connect.Fleet;
import dev.printfarm.appconnection.bench.measure.Ratios;
import dev.printfarm.appconnection.bench.measure.ResultLine;
import dev.printfarm.appconnection.bench.measure.Samples;
import dev.printfarm.appconnection.bench.run.Params;
import dev.printfarm.appconnection.bench.run.Progress;
import dev.printfarm.appconnection.bench.sandbox.SandboxControl;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * fleet-isolation: the fleet of fleet-refresh with 30 % of its printers failing, a third each: {@code failWith 601}
 * (after the fleet latency), {@code failWith 602} after 2 s (the sandbox applies {@code latencyMs} before a printer's
 * {@code failWith} answer), and a "connection reset" (the sandbox's {@code reset-connections}, which on this Liberty is
 * a 200 with the body {@code {}). Faulty and all-healthy refreshes alternate; each faulty one is the first refresh
 * after the faults were set (the bench server caps the monitor's offline backoff at 2 s, and each refresh waits until
 * the backoff of the previous one is over). One faulty and one all-healthy run warm up first, unmeasured. Each round
 * pairs a faulty run with an all-healthy one; its ratio is the time until the last healthy printer's snapshot was
 * updated in the faulty run over the same figure, for the same printers, in the all-healthy run. Every round's ratio is
 * printed, and the worst is the ratio.
 */
@ApplicationScoped
public class FleetIsolation {

    /** Longer than the monitor's rest after a miss on the bench server (offline-backoff-max PT2S, minus its 1 s tick). */
    private static final long BACKOFF_PAUSE_MILLIS = 1_500;

    private static final int SLOW_602_MILLIS = 2_000;

    private enum Fault {
        NONE,
        OFFLINE_601,
        TIMEOUT_602,
        RESET
    }

    @Inject
    FleetRuns runs;

    @Inject
    Fleet fleet;

    @Inject
    SandboxControl sandbox;

    public String run(Params params, Progress progress) throws Exception {
        int latency = params.integer("latency-ms", 50, 1, 10_000);
        int count = params.integer("runs", 4, 1, 20);
        List<Completion> all = fleet.all();
        if (all.size() < 10) {
            throw new IllegalStateException(
                    "fleet-isolation needs at least 10 connections, this server has " + all.size());
        }
        Map<Fault, List<Completion>> groups = new TreeMap<>();
        for (Fault f : Fault.values()) {
            groups.put(f, new ArrayList<>());
        }
        // Three printers in every ten fail, one of each kind, so the faults are spread over the refresh order.
        for (int i = 0; i < all.size(); i++) {
            Fault f = switch (i % 10) {
                case 0 -> Fault.OFFLINE_601;
                case 1 -> Fault.TIMEOUT_602;
                case 2 -> Fault.RESET;
                default -> Fault.NONE;
            };
            groups.get(f).add(all.get(i));
        }
        List<String> healthy =
                groups.get(Fault.NONE).stream().map(Completion::connectionId).toList();
        sandbox.fleetLatency(latency);
        runs.refresh();
        // One faulty run and one all-healthy run first, unmeasured: the failing printers' paths (error answers, state
        // changes written to the store, the slow lane) are compiled then, as the healthy path was by the refresh above.
        try {
            arm(groups);
            TimeUnit.MILLISECONDS.sleep(BACKOFF_PAUSE_MILLIS);
            progress.note("warm-up faulty run: healthy printers done after "
                    + runs.refresh().lastUpdate(healthy).toMillis() + " ms");
        } finally {
            disarm(groups, latency);
        }
        TimeUnit.MILLISECONDS.sleep(BACKOFF_PAUSE_MILLIS);
        runs.refresh();

        List<Long> healthyWalls = new ArrayList<>();
        List<Long> baselineWalls = new ArrayList<>();
        List<Long> faultyRefreshWalls = new ArrayList<>();
        long late = 0;
        Map<String, Integer> seen = new TreeMap<>();
        try {
            for (int r = 0; r < count; r++) {
                for (boolean faulty : r % 2 == 0 ? new boolean[] {false, true} : new boolean[] {true, false}) {
                    if (faulty) {
                        arm(groups);
                    }
                    TimeUnit.MILLISECONDS.sleep(BACKOFF_PAUSE_MILLIS);
                    FleetRuns.Refresh refresh = runs.refresh();
                    long healthyWall = refresh.lastUpdate(healthy).toMillis();
                    if (faulty) {
                        disarm(groups, latency);
                        healthyWalls.add(healthyWall);
                        faultyRefreshWalls.add(refresh.wall().toMillis());
                        late += refresh.notRefreshed(healthy);
                        seen = outcomes(refresh, groups);
                        progress.note("run " + (r + 1) + " faulty: healthy printers done after " + healthyWall
                                + " ms, refreshAll " + refresh.wall().toMillis() + " ms, failing printers ended "
                                + seen + ", healthy updates (first/p10/p50/p90/last ms) "
                                + refresh.updateSpread(healthy));
                    } else {
                        baselineWalls.add(healthyWall);
                        progress.note("run " + (r + 1) + " all healthy: the same printers done after " + healthyWall
                                + " ms, refreshAll " + refresh.wall().toMillis() + " ms, their updates "
                                + "(first/p10/p50/p90/last ms) " + refresh.updateSpread(healthy));
                    }
                }
            }
        } finally {
            disarm(groups, latency);
        }
        double faultyWall = Samples.median(healthyWalls);
        double baselineWall = Samples.median(baselineWalls);
        List<String> roundRatios = new ArrayList<>();
        double worst = 0;
        for (int r = 0; r < healthyWalls.size(); r++) {
            double ratio = Ratios.ofTimes(healthyWalls.get(r), baselineWalls.get(r));
            worst = Math.max(worst, ratio);
            roundRatios.add(String.format(java.util.Locale.ROOT, "%.2f", ratio));
        }
        return ResultLine.of("fleet-isolation")
                .put("printers", all.size())
                .put("healthy", healthy.size())
                .put("failing_601", groups.get(Fault.OFFLINE_601).size())
                .put("failing_602_after_2s", groups.get(Fault.TIMEOUT_602).size())
                .put("failing_reset", groups.get(Fault.RESET).size())
                .put("latency_ms", latency)
                .put("runs", count)
                .put("stat", "worst_round")
                .put("round_ratios", String.join(",", roundRatios))
                .put("healthy_wall_ms_median", faultyWall, 0)
                .put("all_healthy_wall_ms_median", baselineWall, 0)
                .put("faulty_refresh_all_ms_median", Samples.median(faultyRefreshWalls), 0)
                .put("healthy_not_refreshed", late)
                .put("failing_ended", seen.toString().replace(" ", "").replace("=", ":"))
                .withRatio(worst);
    }

    private void arm(Map<Fault, List<Completion>> groups) {
        groups.get(Fault.OFFLINE_601).forEach(c -> sandbox.printer(c.printerId(), "{\"failWith\": 601}"));
        groups.get(Fault.TIMEOUT_602)
                .forEach(c ->
                        sandbox.printer(c.printerId(), "{\"failWith\": 602, \"latencyMs\": " + SLOW_602_MILLIS + "}"));
        groups.get(Fault.RESET).forEach(c -> sandbox.resetConnections(c.printerId(), 1));
    }

    private void disarm(Map<Fault, List<Completion>> groups, int latency) {
        groups.get(Fault.OFFLINE_601).forEach(c -> sandbox.printer(c.printerId(), SandboxControl.RESTORE));
        groups.get(Fault.TIMEOUT_602).forEach(c -> sandbox.printer(c.printerId(), SandboxControl.RESTORE));
        groups.get(Fault.RESET).forEach(c -> sandbox.resetConnections(c.printerId(), 0));
        sandbox.fleetLatency(latency);
    }

    /**
     * How each failing group's snapshots ended: the last error's OctoEverywhere code, else the printer's status as
     * {@code printer-NNN}, or "unreachable" when it had neither.
     */
    private static Map<String, Integer> outcomes(FleetRuns.Refresh refresh, Map<Fault, List<Completion>> groups) {
        Map<String, Integer> seen = new TreeMap<>();
        groups.forEach((fault, members) -> {
            if (fault == Fault.NONE) {
                return;
            }
            for (Completion c : members) {
                PrinterView s = refresh.snapshots().get(c.connectionId());
                String outcome = s == null
                        ? "none"
                        : s.lastError()
                                .map(e -> e.octoEverywhereCode().isPresent()
                                        ? String.valueOf(e.octoEverywhereCode().getAsInt())
                                        : e.printerStatus().isPresent()
                                                ? "printer-" + e.printerStatus().getAsInt()
                                                : "unreachable")
                                .orElse(s.state().name().toLowerCase(java.util.Locale.ROOT));
                seen.merge(fault.name().toLowerCase(java.util.Locale.ROOT) + "->" + outcome, 1, Integer::sum);
            }
        });
        return seen;
    }
}
