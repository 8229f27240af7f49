package dev.printfarm.appconnection.bench.scenario;

import dev.printfarm.appconnection.api.AppConnectionService;
import dev.printfarm.appconnection.api.CircuitState;
import dev.printfarm.appconnection.api.ConnectionState;
import dev.printfarm.appconnection.api.Subscription;
import dev.printfarm.appconnection.api.error.AppConnectionException;
import dev.printfarm.appconnection.api.error.PrinterCircuitOpenException;
import dev.printfarm.appconnection.api.fleet.PrinterView;
import dev.printfarm.appconnection.api.octoprint.OctoPrintClient;
import dev.printfarm.appconnection.api.stream.PushListener;
import dev.printfarm.appconnection.api.stream.PushMessage;
import dev.printfarm.appconnection.api.stream.StreamEnd;
import dev.printfarm.appconnection.bench.connect.Completion;
import dev.printfarm.appconnection.bench.connect.Fleet;
import dev.printfarm.appconnection.bench.measure.HeapWatch;
import dev.printfarm.appconnection.bench.measure.ResultLine;
import dev.printfarm.appconnection.bench.measure.Samples;
import dev.printfarm.appconnection.bench.run.Params;
import dev.printfarm.appconnection.bench.run.Progress;
import dev.printfarm.appconnection.bench.sandbox.SandboxControl;
import dev.printfarm.appconnection.bench.storm.BreakerJudge;
import dev.printfarm.appconnection.bench.storm.BreakerTrack;
import dev.printfarm.appconnection.bench.storm.FaultGroup;
import dev.printfarm.appconnection.bench.storm.FaultSchedule;
import dev.printfarm.appconnection.bench.storm.PeakByThird;
import dev.printfarm.appconnection.bench.storm.RelayPause;
import dev.printfarm.appconnection.bench.storm.SuccessTally;
import dev.printfarm.appconnection.bench.storm.Targets;
import dev.printfarm.appconnection.bench.storm.Window;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.metrics.MetricRegistry;

/**
 * fault-storm: the 1,000 printers of fleet-refresh, most of them healthy and the rest in fault groups
 * ({@link FaultGroup}) whose faults come and go on a schedule ({@link FaultSchedule}), plus one relay outage for
 * everyone in the middle. Meanwhile {@code FleetMonitor.refreshAll()} runs back to back, worker threads make typed
 * calls on random printers of every group, and push subscriptions stay open on some healthy printers and on the
 * push group. After a calm warm-up the storm lasts {@code duration}; then every fault is off for a tail long enough
 * for breakers and push sockets to recover.
 *
 * <p>Sampled in the server: the JVM's threads (exact peaks per third, from the thread bean's peak count), heap, the
 * monitor's waiting refreshes, the sandbox's requests in flight, and every printer's breaker four times a second (the
 * module's {@code appconnection.breaker.open} gauge for open, the guard's state to tell half-open from closed). The
 * checks are in docs/benchmarks.md, fault-storm. The ratio is the thread peak over the baseline before the storm.
 */
@ApplicationScoped
public class FaultStorm {

    private static final long TICK_MILLIS = 250;
    private static final int TICKS_PER_SECOND = 4;
    private static final long NOTE_EVERY_MILLIS = 15_000;
    private static final long SLOW_MILLIS = 4_000;
    private static final long TIMEOUT_602_MILLIS = 2_000;
    /**
     * The push group answers this late, so that a fault window can open between a reconnect's login (a relayed call)
     * and its handshake: without it the handshake sees the login's verdict and a 6xx would hit the login only.
     */
    private static final long PUSH_LOGIN_MILLIS = 1_500;
    /**
     * How soon after the bench's first refused call another caller's probe must close a half-open breaker: the
     * slowest such probe here is a push reconnect's login on a push-group printer, answered after
     * {@link #PUSH_LOGIN_MILLIS}.
     */
    private static final long PROBE_HOLD_MILLIS = 2 * PUSH_LOGIN_MILLIS;
    /** A call's outcome when the printer's own breaker refused it. */
    private static final String BREAKER_REFUSED = PrinterCircuitOpenException.class.getSimpleName();
    /** Push sockets are dropped this long before a push window opens (see {@link FaultSchedule#pushDropDue}). */
    private static final long PUSH_DROP_LEAD_MILLIS = 2_500;

    private static final long CUT_AFTER_BYTES = 16;
    private static final String NOT_JSON = "{\"state\": {\"text\": ";
    private static final long REFRESH_PAUSE_MILLIS = 250;
    private static final long REFRESH_TIMEOUT_SECONDS = 120;
    /** Healthy refreshes that touch the outage or this long after it are left out of the success figure. */
    private static final long FLEET_RECOVERY_MILLIS = 5_000;
    /** Healthy calls: the outage may open their breakers, which then refuse for open-duration; this long more. */
    private static final long CALL_RECOVERY_EXTRA_MILLIS = 5_000;
    /** Marks a call's outcome when the module's relay-wide breaker refused it (its cause is FT's open breaker). */
    private static final String RELAY_PAUSED = " (relay paused)";
    /** Refusals by the relay's breaker that start this long after the outage still belong to it. */
    private static final long RELAY_PAUSE_HORIZON_MILLIS = 30_000;

    private static final long PUSH_GAP_LIMIT_MILLIS = 5_000;
    private static final long PUSH_START_WAIT_MILLIS = 30_000;
    /** Subscriptions opened at once: each first connect holds a managed-executor thread in a blocking login. */
    private static final int PUSH_START_BATCH = 10;

    private static final long BREAKER_SLACK_MILLIS = 1_000;
    private static final double SUCCESS_TARGET_PCT = 99.0;
    private static final double THREAD_PEAK_FACTOR = 2.0;
    private static final double THREAD_TREND_FACTOR = 1.2;
    private static final String WAITING_GAUGE = "appconnection.fleet.waiting";
    private static final String OFF = "off";

    @Inject
    AppConnectionService service;

    // The module's settings this scenario times its windows by; the defaults are the module's (BenchDefaultsTest).
    @Inject
    @ConfigProperty(name = "appconnection.relay.breaker.failure-threshold", defaultValue = "5")
    int breakerThreshold;

    @Inject
    @ConfigProperty(name = "appconnection.relay.breaker.open-duration", defaultValue = "PT30S")
    Duration breakerOpenDuration;

    @Inject
    @ConfigProperty(name = "appconnection.push.reconnect-max", defaultValue = "PT30S")
    Duration pushReconnectMax;

    @Inject
    @ConfigProperty(name = "appconnection.relay.read-timeout", defaultValue = "PT20S")
    Duration readTimeout;

    @Inject
    @ConfigProperty(name = "appconnection.relay.retry.max-duration", defaultValue = "PT10S")
    Duration retryMaxDuration;

    @Inject
    MetricRegistry metrics;

    @Inject
    Fleet fleet;

    @Inject
    SandboxControl sandbox;

    @Resource(lookup = "java:comp/DefaultManagedThreadFactory")
    ManagedThreadFactory threadFactory;

    /** One printer of the storm: its place in the fleet, its group, and whether workers call it or push watches it. */
    record Printer(
            int index, String connectionId, String printerId, FaultGroup group, boolean called, boolean pushed) {}

    /** One typed call: when, and {@code ok} or the simple name of what it threw. */
    /** Whether the module's relay-wide breaker refused the call: nothing was sent to the printer. */
    static boolean relayPaused(AppConnectionException e) {
        for (Throwable t = e.getCause(); t != null && t != t.getCause(); t = t.getCause()) {
            if (t instanceof CircuitBreakerOpenException) {
                return true;
            }
        }
        return false;
    }

    record Call(int printer, long start, long end, String outcome) {

        boolean ok() {
            return outcome.equals("ok");
        }
    }

    /** One refreshAll(): when, and how many healthy printers it left ONLINE without an error. */
    record Refresh(long start, long end, int healthyOk, int healthy, boolean timedOut) {}

    public String run(Params params, Progress progress) throws Exception {
        Duration duration =
                params.duration("duration", Duration.ofMinutes(3), Duration.ofSeconds(30), Duration.ofHours(2));
        Duration warmup = params.duration("warmup", Duration.ofSeconds(15), Duration.ZERO, Duration.ofMinutes(10));
        Duration outage = params.duration("outage", Duration.ofSeconds(10), Duration.ZERO, Duration.ofMinutes(5));
        int workers = params.integer("workers", 8, 1, 64);
        int latency = params.integer("latency-ms", 50, 0, 10_000);
        int calledPerGroup = params.integer("called-per-group", 10, 1, 10_000);
        int pushHealthy = params.integer("push-healthy", 50, 0, 10_000);
        if (outage.compareTo(duration) > 0 || outage.toMillis() % 1000 != 0) {
            throw new IllegalArgumentException("outage must be whole seconds and fit into duration: " + outage);
        }
        List<Completion> all = fleet.all();
        if (all.size() < 2 * FaultGroup.SLOTS) {
            throw new IllegalStateException("fault-storm needs at least " + 2 * FaultGroup.SLOTS
                    + " connections, this server has " + all.size() + ": run the connect step first");
        }
        FaultSchedule schedule =
                new FaultSchedule(duration.toMillis(), outage.toMillis(), FaultSchedule.standardPatterns());
        return new Storm(deal(all, calledPerGroup, pushHealthy), schedule, warmup, workers, latency, progress).run();
    }

    /**
     * Deals the printers into groups by index. Workers call every healthy printer and the first {@code calledPerGroup}
     * of each faulty group (so that each of those gets a call every few seconds); push subscriptions go to the whole
     * push group and to {@code pushHealthy} healthy printers spread over the fleet.
     */
    static List<Printer> deal(List<Completion> all, int calledPerGroup, int pushHealthy) {
        long healthyCount = IntStream.range(0, all.size())
                .filter(i -> FaultGroup.of(i) == FaultGroup.HEALTHY)
                .count();
        long stride = pushHealthy == 0 ? Long.MAX_VALUE : Math.max(1, healthyCount / pushHealthy);
        Map<FaultGroup, Integer> seen = new EnumMap<>(FaultGroup.class);
        List<Printer> printers = new ArrayList<>();
        int pushedHealthy = 0;
        for (int i = 0; i < all.size(); i++) {
            FaultGroup group = FaultGroup.of(i);
            int ordinal = seen.merge(group, 1, Integer::sum) - 1;
            boolean healthy = group == FaultGroup.HEALTHY;
            boolean pushed =
                    group == FaultGroup.PUSH_6XX || (healthy && ordinal % stride == 0 && pushedHealthy < pushHealthy);
            if (healthy && pushed) {
                pushedHealthy++;
            }
            Completion c = all.get(i);
            printers.add(new Printer(
                    i, c.connectionId(), c.printerId(), group, healthy || ordinal < calledPerGroup, pushed));
        }
        return printers;
    }

    /** One run's state; its threads share it. */
    private final class Storm {

        private final List<Printer> printers;
        private final List<Printer> healthy;
        private final List<Printer> faulty;
        private final Map<FaultGroup, List<Printer>> called = new EnumMap<>(FaultGroup.class);
        private final FaultSchedule schedule;
        private final Duration warmup;
        private final int workerCount;
        private final int latency;
        private final Progress progress;
        private final long openForMillis = breakerOpenDuration.toMillis();
        private final ThreadMXBean threadBean = ManagementFactory.getThreadMXBean();

        private final AtomicReference<Throwable> broken = new AtomicReference<>();
        private final ConcurrentLinkedQueue<Call> calls = new ConcurrentLinkedQueue<>();
        private final ConcurrentLinkedQueue<Refresh> refreshes = new ConcurrentLinkedQueue<>();
        private final Map<Integer, PushWatch> watches = new TreeMap<>();
        private final List<Subscription> subscriptions = new ArrayList<>();

        // Written by the fault thread only, read after it ended.
        private final String[] applied;
        private final long[] onSince;
        private final List<List<Window>> faultWindows;
        private volatile Window outageWindow;
        private long pushDrops;

        // Written by the sampler thread only, read after it ended.
        private final BreakerTrack[] tracks;
        private final HeapWatch heap = new HeapWatch();
        private PeakByThird threadPeaks;
        private PeakByThird waitingPeaks;
        private long threadsBaseline = -1;
        private long threadsPeakAll;
        private long threadsPeakWarmup;
        private long waitingMax;
        private long fleetRecoveredAt;
        private long pushRecoveredAt;
        private String threadsAtBaseline = "";
        private String threadsAtPeak = "";
        private long threadsAtPeakCount;

        // Written by the in-flight thread.
        private final AtomicLong inFlightMax = new AtomicLong();
        private volatile int lastInFlight;

        private long t0;
        private long stormStart;
        private long stormEnd;
        private long tailEnd;

        Storm(
                List<Printer> printers,
                FaultSchedule schedule,
                Duration warmup,
                int workerCount,
                int latency,
                Progress progress) {
            this.printers = printers;
            this.healthy = printers.stream()
                    .filter(p -> p.group() == FaultGroup.HEALTHY)
                    .toList();
            this.faulty = printers.stream()
                    .filter(p -> p.group() != FaultGroup.HEALTHY)
                    .toList();
            for (FaultGroup g : FaultGroup.values()) {
                if (g != FaultGroup.HEALTHY) {
                    called.put(
                            g,
                            faulty.stream()
                                    .filter(p -> p.group() == g && p.called())
                                    .toList());
                }
            }
            this.schedule = schedule;
            this.warmup = warmup;
            this.workerCount = workerCount;
            this.latency = latency;
            this.progress = progress;
            this.applied = new String[printers.size()];
            Arrays.fill(applied, OFF);
            this.onSince = new long[printers.size()];
            this.faultWindows = new ArrayList<>();
            this.tracks = new BreakerTrack[printers.size()];
            for (int i = 0; i < printers.size(); i++) {
                faultWindows.add(new ArrayList<>());
                tracks[i] = new BreakerTrack();
            }
        }

        String run() throws Exception {
            checkSandbox();
            try {
                prepare();
                startPush();
                long tail = Math.max(openForMillis, pushReconnectMax.toMillis()) + 10_000;
                t0 = now();
                stormStart = t0 + warmup.toMillis();
                stormEnd = stormStart + schedule.stormMillis();
                tailEnd = stormEnd + tail;
                Window storm = new Window(stormStart, stormEnd);
                threadPeaks = new PeakByThird(storm);
                waitingPeaks = new PeakByThird(storm);
                progress.note("fault-storm: " + printers.size() + " printers, " + healthy.size() + " healthy, groups "
                        + groupSizes() + "; warm-up " + warmup.toSeconds() + " s, storm "
                        + schedule.stormMillis() / 1000
                        + " s (outage of " + schedule.outage().millis() / 1000 + " s at "
                        + schedule.outage().from() / 1000
                        + " s), tail " + tail / 1000 + " s; " + workerCount + " workers; breaker threshold "
                        + breakerThreshold + ", open-duration " + breakerOpenDuration);
                List<Thread> threads = new ArrayList<>();
                threads.add(start("storm-sampler", this::sampleLoop));
                threads.add(start("storm-refresh", this::refreshLoop));
                threads.add(start("storm-faults", this::faultLoop));
                threads.add(start("storm-in-flight", this::inFlightLoop));
                for (int w = 0; w < workerCount; w++) {
                    threads.add(start("storm-worker-" + w, this::workLoop));
                }
                long joinBy = tailEnd + TimeUnit.SECONDS.toMillis(REFRESH_TIMEOUT_SECONDS) + 60_000;
                for (Thread t : threads) {
                    t.join(Math.max(1, joinBy - now()));
                    if (t.isAlive()) {
                        broken.compareAndSet(null, new IllegalStateException(t.getName() + " did not stop"));
                    }
                }
                if (broken.get() != null) {
                    throw new IllegalStateException("the storm broke: " + broken.get(), broken.get());
                }
                return finish();
            } finally {
                broken.compareAndSet(null, new IllegalStateException("stopped"));
                subscriptions.forEach(Subscription::close);
                disarm();
            }
        }

        /** The mid-body cut and the outage are recent sandbox controls: say so clearly when this sandbox lacks them. */
        private void checkSandbox() {
            Printer cut = faulty.stream()
                    .filter(p -> p.group() == FaultGroup.CUT_BODY)
                    .findFirst()
                    .orElseThrow();
            try {
                sandbox.cutBody(cut.printerId(), OptionalLong.empty());
                sandbox.relayOutage(0);
            } catch (IllegalStateException e) {
                throw new IllegalStateException(
                        "this sandbox lacks a control fault-storm needs (cutBodyAfterBytes, " + "relay/outage): "
                                + e.getMessage(),
                        e);
            }
        }

        private void prepare() {
            sandbox.fleetLatency(latency);
            for (Printer p : faulty) {
                restore(p);
                if (p.group() == FaultGroup.PUSH_6XX) {
                    sandbox.printer(p.printerId(), "{\"latencyMs\": " + PUSH_LOGIN_MILLIS + "}");
                }
            }
        }

        private void startPush() throws InterruptedException {
            long started = now();
            List<Printer> pushed = printers.stream().filter(Printer::pushed).toList();
            for (int from = 0; from < pushed.size(); from += PUSH_START_BATCH) {
                List<PushWatch> batch = new ArrayList<>();
                for (Printer p : pushed.subList(from, Math.min(pushed.size(), from + PUSH_START_BATCH))) {
                    PushWatch watch = new PushWatch();
                    watches.put(p.index(), watch);
                    batch.add(watch);
                    subscriptions.add(service.watchPush(p.connectionId(), watch));
                }
                long deadline = now() + PUSH_START_WAIT_MILLIS;
                while (now() < deadline && batch.stream().anyMatch(w -> w.lastFrame == 0)) {
                    Thread.sleep(100);
                }
            }
            long live = watches.values().stream().filter(w -> w.lastFrame > 0).count();
            progress.note("push subscriptions: " + watches.size() + " opened in " + (now() - started) / 1000.0 + " s, "
                    + live + " receiving");
        }

        private Thread start(String name, Runnable loop) {
            Thread thread = threadFactory.newThread(() -> {
                try {
                    loop.run();
                } catch (RuntimeException | Error e) {
                    broken.compareAndSet(null, e);
                }
            });
            thread.setName("bench-" + name);
            thread.start();
            return thread;
        }

        private boolean going(long until) {
            return broken.get() == null && now() < until;
        }

        // ---- faults ----

        private void faultLoop() {
            sleepUntil(stormStart);
            boolean outageStarted = false;
            long previous = -1;
            for (long tick = 0; going(stormEnd); tick++) {
                long t = now() - stormStart;
                if (!outageStarted
                        && schedule.outage().millis() > 0
                        && t >= schedule.outage().from()) {
                    startOutage();
                    outageStarted = true;
                }
                if (schedule.pushDropDue(previous, t, PUSH_DROP_LEAD_MILLIS)) {
                    // OctoEverywhere losing the printer takes its open socket with it; the module reconnects.
                    for (Printer p : faulty) {
                        if (p.group() == FaultGroup.PUSH_6XX) {
                            pushDrops += sandbox.dropPush(p.printerId());
                        }
                    }
                }
                previous = t;
                for (Printer p : faulty) {
                    String want = desired(p, t);
                    if (!want.equals(applied[p.index()])) {
                        apply(p, want);
                    }
                }
                sleepUntil(stormStart + (tick + 1) * TICK_MILLIS);
            }
            for (Printer p : faulty) {
                if (!applied[p.index()].equals(OFF)) {
                    apply(p, OFF);
                }
            }
            progress.note("storm over: every fault is off");
        }

        private String desired(Printer p, long t) {
            if (!schedule.on(p.group(), t)) {
                return OFF;
            }
            return p.group() == FaultGroup.PUSH_6XX ? "on:" + schedule.pushStatus(t) : "on";
        }

        /** Sets the printer's fault on or off at the sandbox; the fault's window spans both control requests. */
        private void apply(Printer p, String want) {
            long before = now();
            boolean on = !want.equals(OFF);
            String id = p.printerId();
            switch (p.group()) {
                case OFFLINE_601 -> sandbox.printer(id, on ? "{\"failWith\": 601}" : "{\"failWith\": null}");
                case TIMEOUT_602 ->
                    sandbox.printer(
                            id,
                            on
                                    ? "{\"failWith\": 602, \"latencyMs\": " + TIMEOUT_602_MILLIS + "}"
                                    : "{\"failWith\": null, \"latencyMs\": " + latency + "}");
                case BURST_600 -> sandbox.printer(id, on ? "{\"failWith\": 600}" : "{\"failWith\": null}");
                case SLOW -> sandbox.printer(id, "{\"latencyMs\": " + (on ? SLOW_MILLIS : latency) + "}");
                case GARBAGE -> {
                    if (on) {
                        sandbox.script(id, "GET", "/api/printer", 200, NOT_JSON);
                        sandbox.script(id, "GET", "/api/job", 200, NOT_JSON);
                    } else {
                        sandbox.unscriptAll(id);
                    }
                }
                case CUT_BODY -> sandbox.cutBody(id, on ? OptionalLong.of(CUT_AFTER_BYTES) : OptionalLong.empty());
                case PUSH_6XX ->
                    sandbox.printer(id, on ? "{\"failWith\": " + want.substring(3) + "}" : "{\"failWith\": null}");
                case HEALTHY -> throw new IllegalStateException("healthy printers get no fault");
            }
            long after = now();
            if (!on) {
                faultWindows.get(p.index()).add(new Window(onSince[p.index()], after));
            } else if (applied[p.index()].equals(OFF)) {
                onSince[p.index()] = before;
            }
            applied[p.index()] = want;
        }

        private void startOutage() {
            long seconds = schedule.outage().millis() / 1000;
            long before = now();
            sandbox.relayOutage(seconds);
            long after = now();
            outageWindow = new Window(before, after + seconds * 1000);
            // A restarting relay loses its open sockets too (the sandbox's outage refuses new requests only).
            int dropped = 0;
            for (Printer p : printers) {
                if (p.pushed()) {
                    dropped += sandbox.dropPush(p.printerId());
                }
            }
            progress.note("relay outage for " + seconds + " s from " + (before - stormStart) / 1000.0 + " s; " + dropped
                    + " push sockets dropped");
        }

        private void restore(Printer p) {
            sandbox.printer(
                    p.printerId(),
                    "{\"online\": true, \"failWith\": null, \"latencyMs\": " + latency
                            + ", \"cutBodyAfterBytes\": null}");
            if (p.group() == FaultGroup.GARBAGE) {
                sandbox.unscriptAll(p.printerId());
            }
        }

        /** Whatever happened, the next scenarios get a quiet sandbox. */
        private void disarm() {
            try {
                sandbox.relayOutage(0);
                for (Printer p : faulty) {
                    restore(p);
                }
                sandbox.fleetLatency(latency);
            } catch (RuntimeException e) {
                progress.note("could not restore every printer: " + e);
            }
        }

        // ---- load ----

        private void workLoop() {
            ThreadLocalRandom random = ThreadLocalRandom.current();
            List<FaultGroup> groups = List.copyOf(called.keySet());
            while (going(tailEnd)) {
                Printer p;
                if (random.nextBoolean()) {
                    p = healthy.get(random.nextInt(healthy.size()));
                } else {
                    List<Printer> members = called.get(groups.get(random.nextInt(groups.size())));
                    p = members.get(random.nextInt(members.size()));
                }
                long start = now();
                String outcome = "ok";
                try {
                    OctoPrintClient client = service.octoPrint(p.connectionId());
                    if (random.nextBoolean()) {
                        client.printer();
                    } else {
                        client.job();
                    }
                } catch (AppConnectionException e) {
                    outcome = e.getClass().getSimpleName() + (relayPaused(e) ? RELAY_PAUSED : "");
                } catch (RuntimeException e) {
                    // The API promises AppConnectionException subtypes; anything else is worth a look.
                    outcome = "untyped:" + e.getClass().getSimpleName();
                }
                calls.add(new Call(p.index(), start, now(), outcome));
            }
        }

        private void refreshLoop() {
            while (going(tailEnd)) {
                long start = now();
                boolean timedOut = false;
                try {
                    service.refreshFleet().toCompletableFuture().get(REFRESH_TIMEOUT_SECONDS, TimeUnit.SECONDS);
                } catch (TimeoutException e) {
                    timedOut = true;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                } catch (ExecutionException e) {
                    throw new IllegalStateException("refreshAll() failed", e.getCause());
                }
                long end = now();
                Map<String, PrinterView> snapshots = snapshots();
                int ok = 0;
                for (Printer p : healthy) {
                    PrinterView s = snapshots.get(p.connectionId());
                    // A push-fed snapshot carries the time of its last frame, up to half a second before the call.
                    if (s != null
                            && s.state() == ConnectionState.ONLINE
                            && s.lastError().isEmpty()
                            && s.updatedAt().toEpochMilli() >= start - 1_000) {
                        ok++;
                    }
                }
                refreshes.add(new Refresh(start, end, ok, healthy.size(), timedOut));
                sleepUntil(now() + REFRESH_PAUSE_MILLIS);
            }
        }

        private Map<String, PrinterView> snapshots() {
            return service.fleet().stream()
                    .collect(Collectors.toMap(PrinterView::connectionId, Function.identity(), (a, b) -> b));
        }

        // ---- sampling ----

        private void sampleLoop() {
            long nextNote = stormStart;
            for (long tick = 0; going(tailEnd); tick++) {
                long at = now();
                for (Printer p : printers) {
                    tracks[p.index()].sample(at, breaker(p));
                }
                if (tick % TICKS_PER_SECOND == 0) {
                    everySecond(at);
                    if (at >= nextNote) {
                        note(at);
                        nextNote += NOTE_EVERY_MILLIS;
                    }
                }
                sleepUntil(t0 + (tick + 1) * TICK_MILLIS);
            }
            everySecond(now());
        }

        private BreakerTrack.State breaker(Printer p) {
            CircuitState state = service.circuit(p.connectionId());
            return switch (state) {
                case CLOSED -> BreakerTrack.State.CLOSED;
                case HALF_OPEN -> BreakerTrack.State.HALF_OPEN;
                case OPEN -> BreakerTrack.State.OPEN;
            };
        }

        /** Refreshes queued behind the fleet's concurrency bound, from the module's gauge (0 without metrics). */
        private long fleetWaiting() {
            return metrics.getGauges((id, metric) -> id.getName().equals(WAITING_GAUGE)).values().stream()
                    .mapToLong(g -> g.getValue().longValue())
                    .sum();
        }

        private void everySecond(long at) {
            if (threadsBaseline < 0 && at >= stormStart) {
                threadsBaseline = threadBean.getThreadCount();
                threadsPeakWarmup = threadBean.getPeakThreadCount();
                threadsAtBaseline = threadNames();
                threadBean.resetPeakThreadCount();
            }
            long threads = threadBean.getThreadCount();
            if (threadsBaseline >= 0) {
                // The bean's peak since the last reset: no thread peak between two samples goes unseen.
                long peak = threadBean.getPeakThreadCount();
                threadBean.resetPeakThreadCount();
                threadPeaks.record(at, peak);
                threadsPeakAll = Math.max(threadsPeakAll, peak);
                if (threads > threadsAtPeakCount) {
                    threadsAtPeakCount = threads;
                    threadsAtPeak = threadNames();
                }
            }
            heap.sample();
            long waiting = fleetWaiting();
            waitingPeaks.record(at, waiting);
            waitingMax = Math.max(waitingMax, waiting);
            Window outage = outageWindow;
            if (outage != null && at >= outage.to()) {
                if (fleetRecoveredAt == 0 && healthyAllOnlineSince(outage.to())) {
                    fleetRecoveredAt = at;
                }
                if (pushRecoveredAt == 0 && healthyPushAllSince(outage.to())) {
                    pushRecoveredAt = at;
                }
            }
        }

        /** Apart from the sampler: a request to the sandbox can wait on a busy server, the breaker samples must not. */
        private void inFlightLoop() {
            for (long tick = 1; going(tailEnd); tick++) {
                long at = now();
                int inFlight = sandbox.counts(List.of()).inFlight();
                lastInFlight = inFlight;
                inFlightMax.accumulateAndGet(inFlight, Math::max);
                sleepUntil(t0 + tick * 1_000);
            }
        }

        private boolean healthyAllOnlineSince(long since) {
            Map<String, PrinterView> snapshots = snapshots();
            return healthy.stream()
                    .map(p -> snapshots.get(p.connectionId()))
                    .allMatch(s -> s != null
                            && s.state() == ConnectionState.ONLINE
                            && s.lastError().isEmpty()
                            && s.updatedAt().toEpochMilli() >= since);
        }

        private boolean healthyPushAllSince(long since) {
            return healthy.stream().filter(Printer::pushed).allMatch(p -> watches.get(p.index()).lastFrame >= since);
        }

        private void note(long at) {
            long open = 0;
            for (BreakerTrack track : tracks) {
                List<BreakerTrack.Episode> e = track.episodes();
                if (!e.isEmpty() && e.get(e.size() - 1).closedAt().isEmpty()) {
                    open++;
                }
            }
            progress.note(String.format(
                    "t=%+.0f s: threads %d, heap %d MB, waiting %d, sandbox in flight %d, "
                            + "breakers not closed %d, calls %d, refreshes %d",
                    (at - stormStart) / 1000.0,
                    threadBean.getThreadCount(),
                    HeapWatch.mib(ManagementFactory.getMemoryMXBean()
                            .getHeapMemoryUsage()
                            .getUsed()),
                    fleetWaiting(),
                    lastInFlight,
                    open,
                    calls.size(),
                    refreshes.size()));
        }

        /** The JVM's threads by name with digits folded ("Default Executor-thread-#"), the largest groups first. */
        private String threadNames() {
            Map<String, Long> byName = Thread.getAllStackTraces().keySet().stream()
                    .collect(Collectors.groupingBy(t -> t.getName().replaceAll("\\d+", "#"), Collectors.counting()));
            return byName.entrySet().stream()
                    .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                    .limit(6)
                    .map(e -> e.getKey() + " " + e.getValue())
                    .collect(Collectors.joining(", "));
        }

        // ---- results ----

        private String finish() throws InterruptedException {
            long waitingEnd = fleetWaiting();
            long drainedAfter = drainInFlight();
            Window outage = outageWindow == null ? new Window(stormStart, stormStart) : outageWindow;
            Window storm = new Window(stormStart, stormEnd);

            SuccessTally healthyCalls =
                    new SuccessTally(storm, List.of(outage.extendedBy(openForMillis + CALL_RECOVERY_EXTRA_MILLIS)));
            Map<FaultGroup, Map<String, Integer>> outcomes = new EnumMap<>(FaultGroup.class);
            List<List<Window>> callWindows = new ArrayList<>();
            List<List<Window>> refusedWindows = new ArrayList<>();
            printers.forEach(p -> {
                callWindows.add(new ArrayList<>());
                refusedWindows.add(new ArrayList<>());
            });
            long untyped = 0;
            for (Call c : calls) {
                Printer p = printers.get(c.printer());
                if (p.group() == FaultGroup.HEALTHY) {
                    healthyCalls.add(c.start(), c.end(), c.ok());
                }
                outcomes.computeIfAbsent(p.group(), g -> new TreeMap<>()).merge(c.outcome(), 1, Integer::sum);
                callWindows.get(c.printer()).add(new Window(c.start(), c.end()));
                if (c.outcome().equals(BREAKER_REFUSED)) {
                    refusedWindows.get(c.printer()).add(new Window(c.start(), c.end()));
                }
                untyped += c.outcome().startsWith("untyped:") ? 1 : 0;
            }
            SuccessTally healthyRefreshes = new SuccessTally(storm, List.of(outage.extendedBy(FLEET_RECOVERY_MILLIS)));
            List<Long> walls = new ArrayList<>();
            long refreshTimeouts = 0;
            for (Refresh r : refreshes) {
                healthyRefreshes.add(r.start(), r.end(), r.healthyOk(), r.healthy());
                walls.add(r.end() - r.start());
                refreshTimeouts += r.timedOut() ? 1 : 0;
            }

            List<Window> refusals = calls.stream()
                    .filter(c -> c.outcome().endsWith(RELAY_PAUSED))
                    .map(c -> new Window(c.start(), c.end()))
                    .toList();
            Window relayPause = RelayPause.of(outage, RELAY_PAUSE_HORIZON_MILLIS, refusals);
            progress.note("the relay's breaker refused calls until " + (relayPause.to() - outage.to()) / 1000.0
                    + " s after the outage; printers' breakers are judged against the outage and that pause");
            Breakers b = breakers(relayPause, callWindows, refusedWindows);
            Push push = push(outage);

            long threadsFirst = threadPeaks.peak(0);
            long threadsLast = threadPeaks.peak(2);
            double outageRecovery = fleetRecoveredAt == 0 ? Double.NaN : (fleetRecoveredAt - outage.to()) / 1000.0;
            double pushRecovery = pushRecoveredAt == 0 ? Double.NaN : (pushRecoveredAt - outage.to()) / 1000.0;
            Targets targets = new Targets()
                    .atLeast("healthy_calls", healthyCalls.percent(), SUCCESS_TARGET_PCT)
                    .atLeast("healthy_refreshes", healthyRefreshes.percent(), SUCCESS_TARGET_PCT)
                    .atMost("threads_peak", threadsPeakAll, THREAD_PEAK_FACTOR * threadsBaseline)
                    .atMost("threads_trend", threadsLast, THREAD_TREND_FACTOR * threadsFirst)
                    .atMost("waiting_max", waitingMax, printers.size())
                    .check("waiting_end", waitingEnd == 0)
                    .check("in_flight_drained", drainedAfter >= 0)
                    .check("breaker_open_duration", b.tooShort == 0)
                    .check("breaker_close", b.late == 0)
                    .check("healthy_breakers", b.healthyOpened == 0)
                    .atMost("push_healthy_gap", push.healthyMaxGap, PUSH_GAP_LIMIT_MILLIS)
                    .check("push_healthy_live", push.healthyLive == push.healthyCount)
                    .check("push_kept", push.ended == 0);

            progress.note("threads at baseline (" + threadsBaseline + ", warm-up peak " + threadsPeakWarmup + "): "
                    + threadsAtBaseline);
            progress.note("threads at the highest sample (" + threadsAtPeakCount + "): " + threadsAtPeak);
            progress.note("threads at the end (" + threadBean.getThreadCount() + "): " + threadNames());
            for (Map.Entry<FaultGroup, Map<String, Integer>> e : outcomes.entrySet()) {
                int total = e.getValue().values().stream()
                        .mapToInt(Integer::intValue)
                        .sum();
                progress.note("calls on " + e.getKey().label() + ": " + total + ", " + e.getValue());
            }
            progress.note("breakers opened by group: " + b.byGroup + "; not closed at the end: " + b.openAtEndByGroup
                    + "; close verdicts: in time " + b.inTime + ", late " + b.late + ", closed by another caller "
                    + b.closedByAnother + ", unjudged " + b.unjudged
                    + (b.lateExamples.isEmpty() ? "" : "; late e.g. " + b.lateExamples)
                    + (b.tooShortExamples.isEmpty() ? "" : "; shorter than open-duration e.g. " + b.tooShortExamples));
            progress.note("healthy calls left out (outage + " + (openForMillis + CALL_RECOVERY_EXTRA_MILLIS) / 1000
                    + " s): " + healthyCalls.excludedSucceeded() + " of " + healthyCalls.excludedAttempts()
                    + " succeeded; healthy refreshes left out (outage + " + FLEET_RECOVERY_MILLIS / 1000 + " s): "
                    + healthyRefreshes.excludedSucceeded() + " of " + healthyRefreshes.excludedAttempts());
            progress.note("push: healthy " + push.healthyLive + " of " + push.healthyCount + " live at the end"
                    + (push.silentSince.isEmpty() ? "" : " (the others' last frames at " + push.silentSince + " s)")
                    + ", push6xx " + push.faultyLive + " of " + push.faultyCount + " live at the end; handshakes "
                    + push.handshakes + (push.endReasons.isEmpty() ? "" : "; ended: " + push.endReasons));
            progress.note("refreshAll: " + walls.size() + " runs, median "
                    + (walls.isEmpty() ? "-" : Math.round(Samples.median(walls))) + " ms, longest "
                    + (walls.isEmpty() ? "-" : Math.round(Samples.max(walls))) + " ms, timed out " + refreshTimeouts);

            return ResultLine.of("fault-storm")
                    .put("printers", printers.size())
                    .put("healthy", healthy.size())
                    .put("duration_s", schedule.stormMillis() / 1000)
                    .put("workers", workerCount)
                    .put("healthy_call_success_pct", healthyCalls.percent(), 2)
                    .put("healthy_calls", healthyCalls.attempts())
                    .put("healthy_refresh_success_pct", healthyRefreshes.percent(), 2)
                    .put("healthy_refreshes", healthyRefreshes.attempts())
                    .put("calls", calls.size())
                    .put("refresh_runs", refreshes.size())
                    .put("threads_baseline", threadsBaseline)
                    .put("threads_peak", threadsPeakAll)
                    .put("threads_peak_first_third", threadsFirst)
                    .put("threads_peak_second_third", threadPeaks.peak(1))
                    .put("threads_peak_last_third", threadsLast)
                    .put("threads_end", threadBean.getThreadCount())
                    .put("heap_peak_mb", HeapWatch.mib(heap.peakUsedBytes()))
                    .put("waiting_max", waitingMax)
                    .put("waiting_max_last_third", waitingPeaks.peak(2))
                    .put("waiting_end", waitingEnd)
                    .put("in_flight_max", inFlightMax.get())
                    .put("in_flight_drained_s", drainedAfter < 0 ? Double.NaN : drainedAfter / 1000.0, 1)
                    .put("breakers_opened", b.episodes)
                    .put("breakers_closed", b.closed)
                    .put("breaker_reopenings", b.openings - b.episodes)
                    .put("breaker_open_s_min", b.minOpen / 1000.0, 2)
                    .put("breaker_open_s_max", b.maxOpen / 1000.0, 2)
                    .put("breaker_open_too_short", b.tooShort)
                    .put("breaker_close_late", b.late)
                    .put("breaker_close_unjudged", b.unjudged)
                    .put("breaker_close_after_probe_s_max", b.maxAfterProbe / 1000.0, 2)
                    .put("breaker_close_lag_s_max", b.maxLag / 1000.0, 2)
                    .put("breakers_open_at_end", b.openAtEnd)
                    .put("healthy_breakers_opened", b.healthyOpened)
                    .put("healthy_breakers_opened_in_outage", b.healthyInOutage)
                    .put("unexplained_openings", b.unexplained)
                    .put("outage_recovery_s", outageRecovery, 1)
                    .put("push_healthy", push.healthyCount)
                    .put("push_healthy_max_gap_s", push.healthyMaxGap / 1000.0, 1)
                    .put("push_recovery_s", pushRecovery, 1)
                    .put("push6xx_handshakes_6xx", push.faultyRefused)
                    .put("push6xx_handshakes_101", push.faultyOpened)
                    .put("push_ended", push.ended)
                    .put("untyped_failures", untyped)
                    .put("targets_met", String.valueOf(targets.met()))
                    .put("missed", targets.missed())
                    .withRatio(threadsBaseline > 0 ? (double) threadsPeakAll / threadsBaseline : Double.NaN);
        }

        /** Milliseconds until the sandbox had no relayed request in flight after the load stopped; -1 if never. */
        private long drainInFlight() throws InterruptedException {
            long from = now();
            long deadline = from + readTimeout.toMillis() + 10_000;
            while (now() < deadline) {
                if (sandbox.counts(List.of()).inFlight() == 0) {
                    return now() - from;
                }
                Thread.sleep(200);
            }
            return -1;
        }

        /** The printer's sampled breaker state changes from {@code from} on (at most eight). */
        private String statesFrom(int printer, long from) {
            return tracks[printer].changes().stream()
                    .filter(c -> c.at() >= from)
                    .limit(8)
                    .map(c -> seconds(c.at()) + " s " + c.state())
                    .collect(Collectors.joining(", ", "[", "]"));
        }

        /** The first few bench calls on a printer from {@code from}: start, duration and outcome, for the notes. */
        private String callsFrom(int printer, long from) {
            return calls.stream()
                    .filter(c -> c.printer() == printer && c.start() >= from)
                    .sorted(Comparator.comparingLong(Call::start))
                    .limit(4)
                    .map(c -> seconds(c.start()) + " s +" + (c.end() - c.start()) + " ms " + c.outcome())
                    .collect(Collectors.joining(", ", "[", "]"));
        }

        private Breakers breakers(Window outage, List<List<Window>> callWindows, List<List<Window>> refusedWindows) {
            long grace = retryMaxDuration.toMillis() + 2_000;
            BreakerJudge judge =
                    new BreakerJudge(openForMillis, TICK_MILLIS, BREAKER_SLACK_MILLIS, grace, PROBE_HOLD_MILLIS);
            Breakers b = new Breakers();
            for (Printer p : printers) {
                // A slow printer answers: its latency is no excuse for an open breaker.
                List<Window> faults =
                        new ArrayList<>(p.group() == FaultGroup.SLOW ? List.of() : faultWindows.get(p.index()));
                faults.add(outage);
                boolean healthyOpened = false;
                boolean healthyInOutage = false;
                for (BreakerTrack.Episode e : tracks[p.index()].episodes()) {
                    b.episodes++;
                    b.byGroup.merge(p.group().label(), 1, Integer::sum);
                    if (e.closedAt().isPresent()) {
                        b.closed++;
                    } else {
                        b.openAtEnd++;
                        b.openAtEndByGroup.merge(p.group().label(), 1, Integer::sum);
                    }
                    for (BreakerTrack.Opening o : e.openings()) {
                        b.openings++;
                        if (o.millis().isPresent()) {
                            b.minOpen = Math.min(b.minOpen, o.millis().getAsLong());
                            b.maxOpen = Math.max(b.maxOpen, o.millis().getAsLong());
                        }
                        if (!judge.longEnough(o)) {
                            b.tooShort++;
                            if (b.tooShortExamples.size() < 3) {
                                b.tooShortExamples.add(p.group().label() + " #" + p.index() + " open from "
                                        + seconds(o.from()) + " to " + seconds(o.to().getAsLong()) + " s");
                            }
                        }
                        boolean explained = judge.explained(o, faults);
                        if (p.group() == FaultGroup.HEALTHY) {
                            healthyOpened |= !explained;
                            healthyInOutage |= explained;
                        } else if (!explained) {
                            b.unexplained++;
                        }
                    }
                    BreakerJudge.Verdict v =
                            judge.close(e, faults, callWindows.get(p.index()), refusedWindows.get(p.index()), tailEnd);
                    switch (v.kind()) {
                        case IN_TIME -> b.inTime++;
                        case LATE -> {
                            b.late++;
                            if (b.lateExamples.size() < 3) {
                                b.lateExamples.add(p.group().label() + " #" + p.index() + " opened at "
                                        + seconds(e.openedAt()) + " s, could close at "
                                        + (v.mayCloseAt().isPresent()
                                                ? seconds(v.mayCloseAt().getAsLong())
                                                : "?")
                                        + " s, closed "
                                        + (e.closedAt().isPresent()
                                                ? "at " + seconds(e.closedAt().getAsLong()) + " s"
                                                : "never")
                                        + "; the bench's calls from then: "
                                        + callsFrom(p.index(), v.mayCloseAt().orElse(e.openedAt()))
                                        + "; sampled states: " + statesFrom(p.index(), e.openedAt()));
                            }
                        }
                        case CLOSED_BY_ANOTHER -> b.closedByAnother++;
                        case UNJUDGED -> b.unjudged++;
                    }
                    if (v.kind() != BreakerJudge.Kind.UNJUDGED && v.lagMillis().isPresent()) {
                        b.maxLag = Math.max(b.maxLag, v.lagMillis().getAsLong());
                        b.maxAfterProbe =
                                Math.max(b.maxAfterProbe, v.afterProbeMillis().orElse(0));
                    }
                }
                b.healthyOpened += healthyOpened ? 1 : 0;
                b.healthyInOutage += healthyInOutage ? 1 : 0;
            }
            if (b.openings == 0) {
                b.minOpen = 0;
            }
            progress.note("unseen breaker openings (shorter than a sample): "
                    + Arrays.stream(tracks)
                            .mapToInt(BreakerTrack::unseenOpenings)
                            .sum());
            return b;
        }

        private Push push(Window outage) {
            Push push = new Push();
            Window excluded = outage.extendedBy(pushReconnectMax.toMillis() + 5_000);
            Window watched = new Window(stormStart, tailEnd);
            Map<String, Integer> healthyHandshakes = new TreeMap<>();
            Map<String, Integer> faultyHandshakes = new TreeMap<>();
            for (Map.Entry<Integer, PushWatch> e : watches.entrySet()) {
                Printer p = printers.get(e.getKey());
                PushWatch w = e.getValue();
                boolean live = w.lastFrame >= tailEnd - PUSH_GAP_LIMIT_MILLIS;
                if (w.ended.get() != null) {
                    push.ended++;
                    push.endReasons.add(p.group().label() + " #" + p.index() + ": " + w.ended.get());
                }
                boolean healthy = p.group() == FaultGroup.HEALTHY;
                Map<String, Integer> handshakes = healthy ? healthyHandshakes : faultyHandshakes;
                sandbox.pushHandshakes(p.printerId()).forEach((status, n) -> handshakes.merge(status, n, Integer::sum));
                if (healthy) {
                    push.healthyCount++;
                    push.healthyLive += live ? 1 : 0;
                    if (!live) {
                        push.silentSince.add(
                                w.lastFrame == 0 ? "never" : String.valueOf((w.lastFrame - stormStart) / 1000));
                    }
                    List<Window> gaps = new ArrayList<>(w.gaps());
                    if (tailEnd - w.lastFrame > 1_000) {
                        // A socket that never came back is a gap until the end.
                        gaps.add(new Window(Math.min(w.lastFrame, tailEnd), tailEnd));
                    }
                    for (Window gap : gaps) {
                        long outside = gap.overlapMillis(watched) - gap.overlapMillis(excluded);
                        push.healthyMaxGap = Math.max(push.healthyMaxGap, outside);
                    }
                } else {
                    push.faultyCount++;
                    push.faultyLive += live ? 1 : 0;
                }
            }
            for (Map.Entry<String, Integer> s : faultyHandshakes.entrySet()) {
                if (s.getKey().startsWith("6")) {
                    push.faultyRefused += s.getValue();
                } else if (s.getKey().equals("101")) {
                    push.faultyOpened += s.getValue();
                }
            }
            push.handshakes = "healthy " + healthyHandshakes + ", push6xx " + faultyHandshakes + " (since the sandbox"
                    + " started; " + pushDrops + " push6xx sockets dropped before windows)";
            progress.note("push frames: "
                    + watches.values().stream().mapToLong(w -> w.frames.get()).sum() + " state frames over "
                    + (tailEnd - t0) / 1000 + " s");
            return push;
        }

        private String seconds(long epochMillis) {
            return ResultLine.decimal((epochMillis - stormStart) / 1000.0, 2);
        }

        private String groupSizes() {
            Map<String, Long> sizes = new TreeMap<>(printers.stream()
                    .collect(Collectors.groupingBy(p -> p.group().label(), Collectors.counting())));
            return sizes.toString().replace(" ", "");
        }

        private long now() {
            return System.currentTimeMillis();
        }

        private void sleepUntil(long epochMillis) {
            long wait = epochMillis - now();
            if (wait > 0) {
                try {
                    Thread.sleep(wait);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    broken.compareAndSet(null, e);
                }
            }
        }
    }

    /** The breaker figures of one run. */
    private static final class Breakers {
        long episodes;
        long closed;
        long openings;
        long openAtEnd;
        long minOpen = Long.MAX_VALUE;
        long maxOpen;
        long tooShort;
        long inTime;
        long late;
        long unjudged;
        long closedByAnother;
        final Map<String, Integer> openAtEndByGroup = new TreeMap<>();
        final List<String> tooShortExamples = new ArrayList<>();
        long maxLag;
        long maxAfterProbe;
        long healthyOpened;
        long healthyInOutage;
        long unexplained;
        final Map<String, Integer> byGroup = new TreeMap<>();
        final List<String> lateExamples = new ArrayList<>();
    }

    /** The push figures of one run. */
    private static final class Push {
        int healthyCount;
        int healthyLive;
        long healthyMaxGap;
        int faultyCount;
        int faultyLive;
        long faultyRefused;
        long faultyOpened;
        int ended;
        String handshakes = "";
        final List<String> endReasons = new ArrayList<>();
        /** Healthy subscriptions not live at the end: seconds into the storm of their last frame. */
        final List<String> silentSince = new ArrayList<>();
    }

    /** Listens to one push subscription: when state frames came, the gaps of over a second between them, and an end. */
    private static final class PushWatch implements PushListener {

        volatile long lastFrame;
        final AtomicLong frames = new AtomicLong();
        final AtomicReference<String> ended = new AtomicReference<>();
        private final List<Window> gaps = Collections.synchronizedList(new ArrayList<>());

        @Override
        public void onMessage(PushMessage message) {
            if (message instanceof PushMessage.State) {
                long at = System.currentTimeMillis();
                long previous = lastFrame;
                lastFrame = at;
                frames.incrementAndGet();
                if (previous > 0 && at - previous > 1_000) {
                    gaps.add(new Window(previous, at));
                }
            }
        }

        @Override
        public void onEnd(StreamEnd end) {
            ended.compareAndSet(null, end.toString());
        }

        List<Window> gaps() {
            synchronized (gaps) {
                return List.copyOf(gaps);
            }
        }
    }
}
