package dev.printfarm.appconnection.bench.scenario;

import dev.printfarm.appconnection.api.AppConnectionService;
import dev.printfarm.appconnection.api.ConnectionState;
import dev.printfarm.appconnection.api.fleet.PrinterView;
import dev.printfarm.appconnection.bench.connect.Fleet;
import dev.printfarm.appconnection.bench.measure.CycleClock;
import dev.printfarm.appconnection.bench.measure.CycleLedger;
import dev.printfarm.appconnection.bench.measure.HeapWatch;
import dev.printfarm.appconnection.bench.measure.ResultLine;
import dev.printfarm.appconnection.bench.run.Params;
import dev.printfarm.appconnection.bench.run.Progress;
import dev.printfarm.appconnection.bench.sandbox.SandboxControl;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Timer;

/**
 * fleet-10k: every connection of this server (10,000 on bench-10k, a JVM capped at 512 MB) refreshed by the fleet
 * monitor on its own schedule ({@code appconnection.fleet.cycle}, 10 s) against printers answering after
 * {@code latency-ms}. After a warm-up the bench watches whole cycles for {@code duration}: at every cycle boundary it
 * reads the module's {@code appconnection.fleet.refresh} timer, every half second it polls the snapshots (to see
 * whether a cycle's refresh of some printer was still missing when that printer was due again) and samples the heap.
 * See {@link CycleLedger} for the definitions. The ratio is the mean cycle work over the cycle length.
 */
@ApplicationScoped
public class Fleet10k {

    private static final String REFRESH_TIMER = "appconnection.fleet.refresh";
    private static final long POLL_MILLIS = 500;

    @Inject
    AppConnectionService service;

    @Inject
    Fleet fleet;

    @Inject
    SandboxControl sandbox;

    @Inject
    MetricRegistry metrics;

    @Inject
    @ConfigProperty(name = "appconnection.fleet.cycle")
    Duration cycle;

    @Inject
    @ConfigProperty(name = "appconnection.fleet.concurrency", defaultValue = "200")
    int concurrency;

    public String run(Params params, Progress progress) throws Exception {
        Duration duration =
                params.duration("duration", Duration.ofSeconds(60), Duration.ofSeconds(1), Duration.ofHours(24));
        Duration warmup = params.duration("warmup", Duration.ofSeconds(30), Duration.ZERO, Duration.ofHours(1));
        int latency = params.integer("latency-ms", 50, 0, 10_000);
        List<String> ids = fleet.ids();
        if (ids.isEmpty()) {
            throw new IllegalStateException("no connections on this server: run the connect step first");
        }
        CycleClock clock = new CycleClock(cycle.toMillis());
        int cycles = (int) Math.max(1, duration.toMillis() / clock.cycleMillis());
        Map<String, Integer> index = new HashMap<>();
        long[] phase = new long[ids.size()];
        for (int i = 0; i < ids.size(); i++) {
            index.put(ids.get(i), i);
            phase[i] = clock.phaseOf(service.nextFleetRefresh(ids.get(i))
                    .orElseThrow(
                            () -> new IllegalStateException("the fleet monitor is off: set appconnection.fleet.cycle"))
                    .toEpochMilli());
        }
        sandbox.fleetLatency(latency);
        ThreadMXBean jvmThreads = ManagementFactory.getThreadMXBean();
        // Every connection made and loaded, none refreshed under load yet: the baseline the cycles are held against.
        int threadsBaseline = jvmThreads.getThreadCount();
        jvmThreads.resetPeakThreadCount();
        progress.note("warm-up " + warmup.toSeconds() + " s with " + ids.size() + " connections, cycle " + cycle
                + ", then " + cycles + " cycles measured (and one more to see whether the last one overran)");
        Thread.sleep(warmup.toMillis());

        long firstCycle = clock.cycleOf(System.currentTimeMillis()) + 1;
        long end = clock.startOf(firstCycle + cycles + 1);
        CycleLedger ledger = new CycleLedger(clock, firstCycle, cycles, concurrency, ids.size());
        sandbox.resetPeak();
        long requestsBefore = sandbox.counts(ids).requests();
        long countedFrom = System.currentTimeMillis();
        waitUntil(clock.startOf(firstCycle));
        HeapWatch heap = new HeapWatch();
        long nextBoundary = firstCycle;
        long nextPoll = 0;
        while (true) {
            long now = System.currentTimeMillis();
            if (nextBoundary <= firstCycle + cycles && now >= clock.startOf(nextBoundary)) {
                long[] timer = refreshTimer();
                ledger.boundary(nextBoundary, timer[0], timer[1]);
                nextBoundary++;
            }
            if (now >= end) {
                break;
            }
            if (now >= nextPoll) {
                heap.sample();
                for (PrinterView s : service.fleet()) {
                    Integer i = index.get(s.connectionId());
                    if (i != null) {
                        boolean seenLate = ledger.firstLate().isPresent();
                        ledger.observe(now, i, phase[i], s.updatedAt().toEpochMilli());
                        if (!seenLate && ledger.firstLate().isPresent()) {
                            progress.note("the first late connection's view: " + s.state() + ", "
                                    + s.statusText().orElse("no status") + ", last error: "
                                    + s.lastError()
                                            .map(PrinterView.Failure::message)
                                            .orElse("none"));
                        }
                    }
                }
                nextPoll = now + POLL_MILLIS;
            }
            long wake = Math.min(nextPoll, nextBoundary <= firstCycle + cycles ? clock.startOf(nextBoundary) : end);
            waitUntil(Math.min(wake, end));
        }
        heap.sample();
        int threadsPeak = jvmThreads.getPeakThreadCount();
        SandboxControl.RelayCounts counts = sandbox.counts(ids);
        long countedFor = System.currentTimeMillis() - countedFrom;
        long offline = service.fleet().stream()
                .filter(s -> s.state() != ConnectionState.ONLINE)
                .count();

        ledger.firstLate().ifPresent(late -> progress.note("first overrun: " + late));
        double[] work = ledger.workMillis();
        progress.note("work per cycle (ms): "
                + Arrays.toString(Arrays.stream(work).mapToLong(Math::round).toArray()) + ", refreshes per cycle: "
                + Arrays.toString(ledger.refreshes()));
        return ResultLine.of("fleet-10k")
                .put("connections", ids.size())
                .put("heap_max_mb", HeapWatch.mib(HeapWatch.maxBytes()))
                .put("cycle_s", clock.cycleMillis() / 1000.0, 1)
                .put("latency_ms", latency)
                .put("concurrency", concurrency)
                .put("cycles", ledger.cycles())
                .put("overran", ledger.overran())
                .put(
                        "refreshes_per_cycle",
                        Math.round(Arrays.stream(ledger.refreshes()).average().orElse(0)))
                .put("mean_work_ms", Arrays.stream(work).average().orElse(Double.NaN), 0)
                .put("max_work_ms", Arrays.stream(work).max().orElse(Double.NaN), 0)
                .put("mean_lag_ms", ledger.meanLagMillis(), 0)
                .put("max_lag_ms", ledger.maxLagMillis())
                .put("peak_heap_mb", HeapWatch.mib(heap.peakUsedBytes()))
                .put("peak_heap_after_gc_mb", HeapWatch.mib(heap.peakAfterCollectionBytes()))
                .put(
                        "requests_per_cycle",
                        Math.round((counts.requests() - requestsBefore) * (double) clock.cycleMillis() / countedFor))
                .put("peak_in_flight", counts.peakInFlight())
                .put("not_online", offline)
                .put("threads_baseline", threadsBaseline)
                .put("threads_peak", threadsPeak)
                .put("threads_over_baseline", threadsPeak - threadsBaseline)
                .put("threads_idle", fleet.idleThreads())
                .put("threads_over_idle", threadsPeak - fleet.idleThreads())
                .withRatio(ledger.ratio());
    }

    /** Total refresh time (ns) and count of the module's fleet refresh timer, all tags together. */
    private long[] refreshTimer() {
        long nanos = 0;
        long count = 0;
        for (Timer timer : metrics.getTimers((id, metric) -> id.getName().equals(REFRESH_TIMER))
                .values()) {
            nanos += timer.getElapsedTime().toNanos();
            count += timer.getCount();
        }
        return new long[] {nanos, count};
    }

    private static void waitUntil(long epochMillis) throws InterruptedException {
        long wait = epochMillis - System.currentTimeMillis();
        if (wait > 0) {
            Thread.sleep(wait);
        }
    }
}
