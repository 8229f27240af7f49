package dev.printfarm.appconnection.bench.driver;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;

/**
 * Runs issue 7's benchmark against the two bench servers the Maven profile {@code bench} started: connects the
 * printers through the portal, runs relay-overhead, fleet-refresh, fleet-isolation and fault-storm on bench-sandbox and
 * fleet-10k on bench-10k, one at a time, and prints one {@code RESULT} line per scenario (also written to
 * {@code <bench.out>/results.txt}). {@code -Dbench.only=a,b} runs only those scenarios (and the connect step of the
 * server they run on). A failed step is reported and the others still run; {@code <bench.out>/FAILED} then makes the
 * build fail in its verify phase, after the servers were stopped.
 */
public final class BenchDriver {

    private static final Duration POLL = Duration.ofSeconds(1);
    private static final Duration READY_WAIT = Duration.ofMinutes(5);
    private static final Duration STEP_MARGIN = Duration.ofMinutes(10);
    /** Every scenario, in the order they run. */
    static final List<String> SCENARIOS =
            List.of("relay-overhead", "fleet-refresh", "fleet-isolation", "fault-storm", "fleet-10k");

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final CpuMeter cpu = new CpuMeter(Path.of("/proc"));
    private final Path pidFiles = Path.of(prop("bench.liberty.servers", "target/liberty/wlp/usr/servers"), ".pid");
    private final Map<String, Long> serverPids = new LinkedHashMap<>();

    public static void main(String[] args) throws Exception {
        Path out = Path.of(System.getProperty("bench.out", "target/bench"));
        Files.createDirectories(out);
        Instant started = Instant.now();
        BenchDriver driver = new BenchDriver();
        List<String> results = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        Server sandboxServer = new Server("bench-sandbox", prop("bench.sandbox.url", "http://localhost:9380"));
        Server tenK = new Server("bench-10k", prop("bench.10k.url", "http://localhost:9480"));

        Map<String, String> fleetConnect = Map.of(
                "count", prop("bench.fleet.printers", "1000"), "parallelism", prop("bench.connect.parallelism", "8"));
        Map<String, String> relay = params(
                "connections",
                "bench.relay.connections",
                "threads",
                "bench.relay.threads",
                "calls",
                "bench.relay.calls",
                "rounds",
                "bench.relay.rounds",
                "latency-ms",
                "bench.relay.latency-ms",
                "warmup",
                "bench.relay.warmup");
        Map<String, String> fleet = params(
                "latency-ms", "bench.fleet.latency-ms", "runs", "bench.fleet.runs", "warmup", "bench.fleet.warmup");
        Map<String, String> isolation = params("latency-ms", "bench.fleet.latency-ms", "runs", "bench.isolation.runs");
        Map<String, String> storm = params(
                "duration",
                "bench.storm.duration",
                "workers",
                "bench.storm.workers",
                "latency-ms",
                "bench.fleet.latency-ms");
        // Warm-up, tail, push start and drain come on top of the storm itself.
        Duration stormTime =
                Duration.parse(prop("bench.storm.duration", "PT3M")).plusMinutes(3);
        // bench-10k's monitor runs on its own schedule from the first connection on: keep it slow while they are made.
        Map<String, String> tenKConnect = Map.of(
                "count",
                prop("bench.fleet10k.connections", "10000"),
                "parallelism",
                prop("bench.connect.parallelism", "8"),
                "hold-latency-ms",
                "5000");
        Map<String, String> tenKRun = params(
                "duration",
                "bench.fleet10k.duration",
                "warmup",
                "bench.fleet10k.warmup",
                "latency-ms",
                "bench.fleet10k.latency-ms");
        Duration tenKTime = Duration.parse(prop("bench.fleet10k.duration", "PT60S"))
                .plus(Duration.parse(prop("bench.fleet10k.warmup", "PT30S")));

        Selection only;
        try {
            only = Selection.parse(System.getProperty("bench.only"), SCENARIOS);
        } catch (IllegalArgumentException e) {
            failures.add(e.getMessage());
            only = null;
        }

        // Both first, so that the CPU shares name both servers in every step.
        boolean sandboxReady = only != null && driver.awaitReady(sandboxServer, failures);
        boolean tenKReady = only != null && driver.awaitReady(tenK, failures);
        if (sandboxReady
                && only.includesAny("relay-overhead", "fleet-refresh", "fleet-isolation", "fault-storm")
                && driver.step(sandboxServer, "connect", fleetConnect, Duration.ZERO, null, failures)) {
            if (only.includes("relay-overhead")) {
                driver.step(
                        sandboxServer,
                        "relay-overhead",
                        relay,
                        Duration.parse(prop("bench.relay.warmup", "PT40S")),
                        results,
                        failures);
            }
            if (only.includes("fleet-refresh")) {
                driver.step(
                        sandboxServer,
                        "fleet-refresh",
                        fleet,
                        Duration.parse(prop("bench.fleet.warmup", "PT15S")),
                        results,
                        failures);
            }
            if (only.includes("fleet-isolation")) {
                driver.step(sandboxServer, "fleet-isolation", isolation, Duration.ZERO, results, failures);
            }
            if (only.includes("fault-storm")) {
                driver.storm(sandboxServer, storm, stormTime, results, failures);
            }
        }
        if (sandboxReady
                && tenKReady
                && only.includes("fleet-10k")
                && driver.step(tenK, "connect", tenKConnect, Duration.ZERO, null, failures)) {
            driver.step(tenK, "fleet-10k", tenKRun, tenKTime, results, failures);
        }

        Duration took = Duration.between(started, Instant.now());
        List<String> resultLines =
                results.stream().filter(r -> r.startsWith("RESULT")).toList();
        System.out.println();
        System.out.println(
                "bench: " + resultLines.size() + " results in " + took.toMinutes() + " min " + took.toSecondsPart()
                        + " s (started " + started + ", " + Runtime.getRuntime().availableProcessors() + " cores)");
        results.forEach(line -> System.out.println(line.startsWith("RESULT") ? line : "  " + line));
        failures.forEach(f -> System.out.println("FAILED " + f));
        Files.write(out.resolve("results.txt"), resultLines, StandardCharsets.UTF_8);
        if (!failures.isEmpty()) {
            Files.write(out.resolve("FAILED"), failures, StandardCharsets.UTF_8);
        }
    }

    /** A bench server, by the name the output uses and its base URL (scheme, host, port). */
    record Server(String name, String url) {

        URI api(String path) {
            return URI.create(url + "/bench/api/" + path);
        }
    }

    private boolean awaitReady(Server server, List<String> failures) throws InterruptedException {
        Instant deadline = Instant.now().plus(READY_WAIT);
        String last = "no answer";
        while (Instant.now().isBefore(deadline)) {
            try {
                HttpResponse<String> r = http.send(
                        HttpRequest.newBuilder(server.api("ready"))
                                .timeout(Duration.ofSeconds(10))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    System.out.println("bench: " + server.name() + " is ready");
                    readPid(server);
                    return true;
                }
                last = r.statusCode() + " " + r.body().strip();
            } catch (IOException e) {
                last = e.toString();
            }
            Thread.sleep(POLL.toMillis());
        }
        failures.add(server.name() + " not ready within " + READY_WAIT.toMinutes() + " min: " + last);
        return false;
    }

    /**
     * Starts a step and follows it, printing its notes; its outcome line goes to {@code results} (when given). Returns
     * whether it succeeded.
     */
    private boolean step(
            Server server,
            String step,
            Map<String, String> params,
            Duration expected,
            List<String> results,
            List<String> failures)
            throws InterruptedException {
        String label = server.name() + " " + step;
        try {
            StringJoiner query = new StringJoiner("&", "?", "");
            params.forEach((k, v) -> query.add(encode(k) + "=" + encode(v)));
            HttpResponse<String> started = http.send(
                    HttpRequest.newBuilder(server.api("runs/" + step + query))
                            .timeout(Duration.ofSeconds(30))
                            .POST(HttpRequest.BodyPublishers.noBody())
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (started.statusCode() != 202) {
                failures.add(label + ": could not start (" + started.statusCode() + " "
                        + started.body().strip() + ")");
                return false;
            }
            String id = started.body().strip();
            System.out.println("bench: " + label + " " + params);
            Optional<CpuMeter.Reading> cpuBefore = cpu.read(serverPids);
            Instant deadline = Instant.now().plus(expected).plus(STEP_MARGIN);
            int printed = 0;
            int unanswered = 0;
            while (Instant.now().isBefore(deadline)) {
                Thread.sleep(POLL.toMillis());
                HttpResponse<String> followed;
                try {
                    followed = http.send(
                            HttpRequest.newBuilder(server.api("runs/" + id))
                                    .timeout(Duration.ofSeconds(30))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
                } catch (HttpTimeoutException busy) {
                    // The step runs inside the server and goes on; a server too busy to answer is worth a note only.
                    unanswered++;
                    System.out.println("  " + server.name() + ": no answer to a follow request within 30 s ("
                            + unanswered + " so far); still waiting");
                    continue;
                }
                if (followed.statusCode() != 200) {
                    failures.add(label + ": lost the run (" + followed.statusCode() + ")");
                    return false;
                }
                List<String> lines = followed.body().lines().toList();
                String state = lines.get(0);
                List<String> notes = lines.subList(1, lines.size());
                int ready = state.equals("RUNNING") ? notes.size() : notes.size() - 1;
                for (; printed < ready; printed++) {
                    System.out.println("  " + server.name() + ": " + notes.get(printed));
                }
                if (state.equals("DONE")) {
                    String outcome = notes.get(notes.size() - 1);
                    System.out.println(results == null ? "  " + server.name() + ": " + outcome : outcome);
                    Optional<String> load = cpuBefore.flatMap(
                            b -> cpu.read(serverPids).map(a -> "cpu during " + step + ": " + CpuMeter.between(b, a)));
                    load.ifPresent(l -> System.out.println("  " + server.name() + ": " + l));
                    if (results != null) {
                        results.add(outcome);
                        load.ifPresent(results::add);
                    }
                    return true;
                }
                if (state.equals("FAILED")) {
                    failures.add(label + ": " + notes.get(notes.size() - 1));
                    System.out.println("  " + server.name() + ": FAILED " + notes.get(notes.size() - 1));
                    return false;
                }
            }
            failures.add(
                    label + ": no outcome within " + expected.plus(STEP_MARGIN).toMinutes() + " min");
        } catch (IOException e) {
            failures.add(label + ": " + e);
        }
        return false;
    }

    /** fault-storm, with bench-sandbox's executor floor around it (docs/benchmarks.md, fault-storm) unless it is set to 0. */
    private void storm(
            Server server, Map<String, String> params, Duration expected, List<String> results, List<String> failures)
            throws InterruptedException {
        int coreThreads = Integer.parseInt(prop("bench.storm.core-threads", "128"));
        if (coreThreads <= 0) {
            step(server, "fault-storm", params, expected, results, failures);
            return;
        }
        Path serverDir = pidFiles.getParent().resolve(server.name());
        ExecutorFloor floor;
        try {
            floor = ExecutorFloor.apply(serverDir, coreThreads);
        } catch (IOException e) {
            failures.add(server.name() + " fault-storm: executor floor: " + e.getMessage());
            return;
        }
        System.out.println("bench: " + server.name() + "'s default executor has at least " + coreThreads
                + " threads while fault-storm runs");
        try {
            step(server, "fault-storm", params, expected, results, failures);
        } finally {
            try {
                floor.remove();
            } catch (IOException e) {
                failures.add(server.name() + " fault-storm: removing the executor floor: " + e.getMessage());
            }
        }
    }

    /** Liberty keeps a running server's process id in {@code usr/servers/.pid/<name>.pid}. */
    private void readPid(Server server) {
        try {
            serverPids.put(
                    server.name(),
                    Long.parseLong(Files.readString(pidFiles.resolve(server.name() + ".pid"))
                            .strip()));
        } catch (IOException | NumberFormatException e) {
            System.out.println(
                    "bench: no process id for " + server.name() + " (" + e + "); CPU shares count it as other");
        }
    }

    private static Map<String, String> params(String... pairs) {
        Map<String, String> params = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            String value = System.getProperty(pairs[i + 1]);
            if (value != null && !value.isBlank()) {
                params.put(pairs[i], value.strip());
            }
        }
        return params;
    }

    private static String prop(String key, String fallback) {
        String value = System.getProperty(key);
        return value == null || value.isBlank() ? fallback : value.strip();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
