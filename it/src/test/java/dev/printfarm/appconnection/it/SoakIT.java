package dev.printfarm.appconnection.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 8's soak: the shipped console with {@value #DEFAULT_PRINTERS} healthy sandbox printers (a fifth of them
 * printing), its fleet monitor on the console's 5 s cycle and an operator's browser following {@code /console/api/events}
 * for {@code it.soak.duration} (PT1M in the normal build; {@code -Dit.soak.duration=PT10M} is the long run in docs/benchmarks.md).
 * Errors on healthy printers are counted two ways: every {@code printer} event of the soak's printers that shows a state
 * other than ONLINE or an error, every 15 s the printer list, where a soak printer is also an error when its
 * snapshot is older than twelve cycles (the monitor stopped refreshing it), and every relayed call that did not answer
 * 2xx. How far the monitor falls behind (the oldest snapshot) and its refresh rate are reported. After each 15 s the server runs a full collection and the heap that survives it
 * is recorded: it must stay flat. The soak's connections are removed at the end.
 */
@ExtendWith(ArquillianExtension.class)
class SoakIT {

    static final int DEFAULT_PRINTERS = 1000;
    private static final Duration SAMPLE_EVERY = Duration.ofSeconds(15);
    /**
     * Twelve console fleet cycles (PT5S): a snapshot this old means the monitor stopped refreshing the printer. How far
     * behind the monitor runs under load is a figure (the oldest snapshot of each sample), not an error.
     */
    private static final Duration STALE_AFTER = Duration.ofSeconds(60);
    /** Heap that survives a full collection may grow this much from the first sample before it counts as growing. */
    private static final long HEAP_SLACK_MB = 64;

    private static final int PRINTERS = Integer.getInteger("it.soak.printers", DEFAULT_PRINTERS);
    private static final Duration DURATION = Duration.parse(System.getProperty("it.soak.duration", "PT1M"));

    @Deployment(name = "farm", testable = false, order = 1)
    static EnterpriseArchive farm() {
        return Deployments.farm(Map.of("sandbox.printers", String.valueOf(PRINTERS), "sandbox.job-seconds", "36000"));
    }

    @Deployment(name = "soak-probe", testable = false, order = 2)
    static WebArchive probe() {
        return ShrinkWrap.create(WebArchive.class, "soak-probe.war").addClass(SoakProbe.class);
    }

    private final FarmConsole console = new FarmConsole();
    /** The age of the oldest snapshot in the last printer list read. */
    private volatile Duration oldestAge = Duration.ZERO;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aThousandHealthyPrintersWithTheConsoleOpenShowNoErrorsAndAFlatHeap() throws Exception {
        JsonArray printers = console.sandbox.printers();
        assertEquals(PRINTERS, printers.size(), "the soak's sandbox emulates " + PRINTERS + " printers");
        List<String> printerIds =
                printers.stream().map(p -> p.asJsonObject().getString("id")).toList();
        Set<String> ids = ConcurrentHashMap.newKeySet();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            Instant connecting = Instant.now();
            ids.addAll(inParallel(pool, printerIds, printerId -> new FarmConsole().connect(printerId)));
            assertEquals(PRINTERS, ids.size());
            List<String> printing = ids.stream().sorted().limit(PRINTERS / 5).toList();
            inParallel(pool, printing, this::print);
            System.out.println("SoakIT: " + PRINTERS + " printers connected through the console and " + printing.size()
                    + " printing after "
                    + Duration.between(connecting, Instant.now()).toSeconds() + " s");
            Await.until(
                    Duration.ofSeconds(90),
                    () -> problems(ids, Instant.now()).isEmpty(),
                    () -> "every printer ONLINE in the console: " + problems(ids, Instant.now()));

            Sse events = new Sse(ids);
            events.open();
            Await.until(
                    Duration.ofSeconds(10),
                    () -> events.hello.get() > 0,
                    () -> "the console's event stream said hello");
            List<Long> heap = new ArrayList<>();
            List<String> sampleErrors = new ArrayList<>();
            int peakThreads = 0;
            Duration oldestSeen = Duration.ZERO;
            Fleet fleetAtStart = Fleet.now();
            Fleet fleetBefore = fleetAtStart;
            Instant end = Instant.now().plus(DURATION);
            while (Instant.now().isBefore(end)) {
                Await.during(Stream.of(SAMPLE_EVERY, Duration.between(Instant.now(), end))
                        .min(Duration::compareTo)
                        .filter(d -> !d.isNegative())
                        .orElse(Duration.ZERO));
                List<String> problems = problems(ids, Instant.now());
                sampleErrors.addAll(problems);
                oldestSeen = oldestAge.compareTo(oldestSeen) > 0 ? oldestAge : oldestSeen;
                String[] probe =
                        console.get("soak-probe/probe/heap").body().strip().split(" ");
                heap.add(Long.parseLong(probe[0]));
                peakThreads = Integer.parseInt(probe[2]);
                Fleet fleet = Fleet.now();
                System.out.println("SoakIT: " + Instant.now() + " heap after full GC " + probe[0] + " MB, threads "
                        + probe[1] + " (peak " + probe[2] + "), printer events " + events.printerEvents.get()
                        + ", errors in events " + events.errors.size() + ", in this sample " + problems.size()
                        + ", oldest snapshot " + oldestAge.toSeconds() + " s"
                        + ", fleet refreshes " + fleet.since(fleetBefore) + ", relayed calls not 2xx "
                        + (fleet.failedCalls() - fleetBefore.failedCalls()) + ", refreshes waiting " + fleet.waiting());
                fleetBefore = fleet;
            }
            events.close();
            Fleet fleetAtEnd = Fleet.now();
            long failedCalls = Math.round(fleetAtEnd.failedCalls() - fleetAtStart.failedCalls());
            long first = heap.get(0);
            long last = heap.get(heap.size() - 1);
            System.out.println("SoakIT: " + PRINTERS + " printers for " + DURATION + ": errors on healthy printers "
                    + (events.errors.size() + sampleErrors.size()) + " (events " + events.errors.size() + ", samples "
                    + sampleErrors.size() + ", relayed calls not 2xx " + failedCalls + "), fleet refreshes "
                    + fleetAtEnd.since(fleetAtStart) + ", oldest snapshot seen " + oldestSeen.toSeconds()
                    + " s, printer events " + events.printerEvents.get() + ", stream ended "
                    + events.ended.get() + ", heap after each full GC (MB) " + heap + ", peak threads " + peakThreads);
            assertEquals(List.of(), events.errors, "printer events showing an error for a healthy printer");
            assertEquals(List.of(), sampleErrors, "healthy printers in error or stale in the printer list");
            assertEquals(0, failedCalls, "relayed calls that did not answer 2xx");
            assertTrue(
                    events.printerEvents.get() >= printing.size(),
                    "the console streamed the printing printers' progress: " + events.printerEvents.get() + " events");
            assertEquals(null, events.ended.get(), "the event stream stayed open");
            assertTrue(
                    last <= first + HEAP_SLACK_MB,
                    "heap after full GC grew from " + first + " MB to " + last + " MB: " + heap);
        } finally {
            inParallel(pool, List.copyOf(ids), id -> {
                HttpResponse<String> removed = console.browser.send(
                        HttpRequest.newBuilder(console.server.resolve("console/api/printers/" + id))
                                .DELETE());
                return removed.statusCode() == 204 ? id : null;
            });
            pool.shutdownNow();
        }
    }

    /** The module's fleet figures on the test server at one moment (from {@code /metrics}). */
    private record Fleet(Instant at, double refreshes, double calls, double okCalls, double waiting) {

        static Fleet now() {
            PrometheusText metrics = PrometheusText.of(URI.create("http://localhost:" + Deployments.httpPort() + "/"));
            return new Fleet(
                    Instant.now(),
                    metrics.sum("appconnection_fleet_refresh_seconds_count"),
                    metrics.sum("appconnection_relay_calls_total"),
                    metrics.sum("appconnection_relay_calls_total", "outcome=\"2xx\""),
                    metrics.sum("appconnection_fleet_waiting"));
        }

        double failedCalls() {
            return calls - okCalls;
        }

        /** Refreshes since {@code before}, and per second. */
        String since(Fleet before) {
            double n = refreshes - before.refreshes;
            double seconds = Math.max(0.001, Duration.between(before.at, at).toMillis() / 1000.0);
            return Math.round(n) + " (" + Math.round(n / seconds) + "/s)";
        }
    }

    /** Uploads a small file to the printer through the console and prints it. */
    private String print(String connectionId) {
        String gcode = "G28\n".repeat(256);
        HttpResponse<String> printed = console.browser.send(HttpRequest.newBuilder(
                        console.server.resolve("console/api/printers/" + connectionId + "/print?file=soak.gcode"))
                .header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString(gcode)));
        if (printed.statusCode() != 200) {
            throw new AssertionError(
                    "print on " + connectionId + " answered " + printed.statusCode() + ": " + printed.body());
        }
        return connectionId;
    }

    /** The soak's printers the console's list shows in error, not ONLINE, or with a snapshot older than three cycles. */
    private List<String> problems(Set<String> ids, Instant now) {
        JsonArray list = json(console.get("console/api/printers").body()).asJsonArray();
        List<String> problems = new ArrayList<>();
        int seen = 0;
        Instant oldest = now;
        for (JsonValue value : list) {
            JsonObject p = value.asJsonObject();
            if (!ids.contains(p.getString("id"))) {
                continue;
            }
            seen++;
            String why = problem(p);
            if (p.isNull("updatedAt")) {
                problems.add(p.getString("id") + ": no snapshot yet");
                continue;
            }
            Instant updated = Instant.parse(p.getString("updatedAt"));
            oldest = updated.isBefore(oldest) ? updated : oldest;
            if (why == null && updated.isBefore(now.minus(STALE_AFTER))) {
                why = "stale since " + p.getString("updatedAt");
            }
            if (why != null) {
                problems.add(p.getString("id") + ": " + why);
            }
        }
        if (seen < ids.size()) {
            problems.add((ids.size() - seen) + " printers missing from the list");
        }
        oldestAge = Duration.between(oldest, now);
        return problems;
    }

    private static String problem(JsonObject printer) {
        if (!"ONLINE".equals(printer.getString("state"))) {
            return printer.getString("state");
        }
        if (!printer.isNull("error")) {
            return "error " + printer.get("error");
        }
        return null;
    }

    /** The operator's browser on {@code /console/api/events}. */
    private final class Sse {
        final Set<String> ids;
        final AtomicLong hello = new AtomicLong();
        final AtomicLong printerEvents = new AtomicLong();
        final List<String> errors = java.util.Collections.synchronizedList(new ArrayList<>());
        final AtomicReference<String> ended = new AtomicReference<>();
        private volatile boolean closing;
        private final AtomicReference<Stream<String>> body = new AtomicReference<>();

        Sse(Set<String> ids) {
            this.ids = ids;
        }

        void open() {
            HttpRequest request = HttpRequest.newBuilder(console.server.resolve("console/api/events"))
                    .header("Accept", "text/event-stream")
                    .header("Authorization", PortalDriver.operator())
                    .build();
            http.sendAsync(request, HttpResponse.BodyHandlers.ofLines())
                    .thenAccept(response -> {
                        String event = null;
                        body.set(response.body());
                        try (Stream<String> lines = response.body()) {
                            for (String line : (Iterable<String>) lines::iterator) {
                                if (line.startsWith("event:")) {
                                    event = line.substring(6).strip();
                                } else if (line.startsWith("data:") && event != null) {
                                    take(event, line.substring(5).strip());
                                } else if (line.isEmpty()) {
                                    event = null;
                                }
                            }
                            if (!closing) {
                                ended.set("the server ended the stream (" + response.statusCode() + ")");
                            }
                        } catch (RuntimeException e) {
                            if (!closing) {
                                ended.set(e.toString());
                            }
                        }
                    })
                    .exceptionally(failure -> {
                        if (!closing) {
                            ended.set(failure.toString());
                        }
                        return null;
                    });
        }

        private void take(String event, String data) {
            if (event.equals("hello")) {
                hello.incrementAndGet();
            } else if (event.equals("printer")) {
                JsonObject printer = json(data).asJsonObject();
                if (ids.contains(printer.getString("id"))) {
                    printerEvents.incrementAndGet();
                    String why = problem(printer);
                    if (why != null) {
                        errors.add(Instant.now() + " " + printer.getString("id") + ": " + why);
                    }
                }
            }
        }

        void close() {
            closing = true;
            Stream<String> lines = body.get();
            if (lines != null) {
                lines.close();
            }
        }
    }

    private interface Step {
        String apply(String item) throws Exception;
    }

    private static List<String> inParallel(ExecutorService pool, List<String> items, Step step) throws Exception {
        List<Future<String>> futures = new ArrayList<>();
        for (String item : items) {
            futures.add(pool.submit(() -> step.apply(item)));
        }
        List<String> results = new ArrayList<>();
        for (Future<String> f : futures) {
            String r = f.get(2, TimeUnit.MINUTES);
            if (r != null) {
                results.add(r);
            }
        }
        return results;
    }

    private static JsonValue json(String body) {
        try (var reader = Json.createReader(new StringReader(body))) {
            return reader.readValue();
        }
    }
}
