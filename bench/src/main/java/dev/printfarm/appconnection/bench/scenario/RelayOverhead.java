package dev.printfarm.appconnection.bench.scenario;

import dev.printfarm.appconnection.api.AppConnectionService;
import dev.printfarm.appconnection.api.fleet.PrintJob;
import dev.printfarm.appconnection.api.octoprint.OctoPrintClient;
import dev.printfarm.appconnection.bench.connect.Completion;
import dev.printfarm.appconnection.bench.connect.Fleet;
import dev.printfarm.appconnection.bench.measure.Ratios;
import dev.printfarm.appconnection.bench.measure.ResultLine;
import dev.printfarm.appconnection.bench.run.Params;
import dev.printfarm.appconnection.bench.run.Progress;
import dev.printfarm.appconnection.bench.sandbox.SandboxControl;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * relay-overhead: the same relayed {@code GET /api/job} calls, on the same connections, from the same threads, through
 * the module's typed client ({@code service.octoPrint(id).job()}) and through a plain JDK {@code HttpClient} that sends
 * the same relay {@code Authorization} and {@code X-Api-Key} headers (taken from the portal completions). All clients
 * are warmed up together, in rotating rounds, for at least {@code warmup} (the typed client's path through the Rest
 * Client needs a lot of JIT compilation before it reaches its pace), then measured in rotating rounds. The ratio is
 * typed throughput over raw throughput.
 *
 * <p>A third client, the typed client held across calls ({@code octoPrint(id)} once per connection, {@code job()} on
 * each call), is measured in the same rounds to show what the per-call {@code octoPrint(id)} costs; it is not part of
 * the ratio.
 */
@ApplicationScoped
public class RelayOverhead {

    private enum Client {
        TYPED,
        RAW,
        TYPED_HELD
    }

    @Inject
    AppConnectionService service;

    @Inject
    Fleet fleet;

    @Inject
    SandboxControl sandbox;

    @Inject
    @ConfigProperty(name = "appconnection.relay.read-timeout", defaultValue = "PT20S")
    Duration readTimeout;

    @Resource(lookup = "java:comp/DefaultManagedThreadFactory")
    ManagedThreadFactory threadFactory;

    public String run(Params params, Progress progress) throws Exception {
        int connections = params.integer("connections", 16, 1, 1000);
        int threads = params.integer("threads", 8, 1, 64);
        int calls = params.integer("calls", 10_000, 10, 100_000);
        int rounds = params.integer("rounds", 4, 1, 20);
        Duration warmup = params.duration("warmup", Duration.ofSeconds(40), Duration.ZERO, Duration.ofMinutes(30));
        int latency = params.integer("latency-ms", 0, 0, 10_000);
        List<Completion> targets = fleet.first(connections);
        sandbox.fleetLatency(latency);

        // The same kind of client as the module's transport: HTTP/1.1, no redirects, one client for every call.
        HttpClient raw = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        HttpRequest[] rawRequests = targets.stream()
                .map(c -> {
                    HttpRequest.Builder b = HttpRequest.newBuilder(c.relayed("/api/job"))
                            .timeout(readTimeout)
                            .header("Authorization", c.authorization());
                    c.octoPrintApiKey().ifPresent(key -> b.header("X-Api-Key", key));
                    return b.GET().build();
                })
                .toArray(HttpRequest[]::new);
        String[] ids = targets.stream().map(Completion::connectionId).toArray(String[]::new);
        OctoPrintClient[] held =
                targets.stream().map(c -> service.octoPrint(c.connectionId())).toArray(OctoPrintClient[]::new);

        Map<Client, Workers.Call> clients = new EnumMap<>(Client.class);
        clients.put(
                Client.TYPED, i -> check(service.octoPrint(ids[i % ids.length]).job()));
        clients.put(Client.RAW, i -> {
            HttpResponse<String> response =
                    raw.send(rawRequests[i % rawRequests.length], HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200 || response.body().isEmpty()) {
                throw new IllegalStateException("the relay answered " + response.statusCode());
            }
        });
        clients.put(Client.TYPED_HELD, i -> check(held[i % held.length].job()));

        Map<Client, long[]> totals = new EnumMap<>(Client.class);
        clients.keySet().forEach(c -> totals.put(c, new long[3]));
        try (Workers workers = new Workers(threads, threadFactory)) {
            long warmUntil = System.nanoTime() + warmup.toNanos();
            for (int r = 0; r == 0 || System.nanoTime() < warmUntil; r++) {
                rotation(workers, calls, clients, r, "warm-up " + (r + 1) + ":", null, progress);
            }
            for (int r = 0; r < rounds; r++) {
                rotation(workers, calls, clients, r, "round " + (r + 1) + ":", totals, progress);
            }
        }
        double typed = throughput(totals.get(Client.TYPED));
        double rawRate = throughput(totals.get(Client.RAW));
        double heldRate = throughput(totals.get(Client.TYPED_HELD));
        long errors = totals.values().stream().mapToLong(t -> t[2]).sum();
        return ResultLine.of("relay-overhead")
                .put("calls", (long) calls * rounds)
                .put("threads", threads)
                .put("connections", connections)
                .put("latency_ms", latency)
                .put("rounds", rounds)
                .put("warmup_s", warmup.toSeconds())
                .put("typed_rps", typed, 0)
                .put("raw_rps", rawRate, 0)
                .put("typed_held_rps", heldRate, 0)
                .put("typed_ms_per_call", threads * 1000.0 / typed, 2)
                .put("raw_ms_per_call", threads * 1000.0 / rawRate, 2)
                .put("errors", errors)
                .withRatio(Ratios.ofThroughputs(typed, rawRate));
    }

    /**
     * One round of every client, the {@code r}-th client first, so that none always goes first or always follows a
     * given one; adds to {@code totals} when given.
     */
    private static void rotation(
            Workers workers,
            int calls,
            Map<Client, Workers.Call> clients,
            int r,
            String label,
            Map<Client, long[]> totals,
            Progress progress)
            throws Exception {
        Client[] order = Client.values();
        StringBuilder note = new StringBuilder(label);
        for (int k = 0; k < order.length; k++) {
            Client c = order[(r + k) % order.length];
            Workers.Round round = workers.round(calls, clients.get(c));
            if (totals != null) {
                long[] t = totals.get(c);
                t[0] += round.calls();
                t[1] += round.elapsed().toNanos();
                t[2] += round.errors();
            }
            note.append(' ').append(name(c)).append('=').append(rate(round)).append("/s");
            if (round.errors() > 0) {
                note.append(" (")
                        .append(round.errors())
                        .append(" failed, first: ")
                        .append(round.firstError())
                        .append(')');
            }
        }
        progress.note(note.toString());
    }

    private static void check(PrintJob job) {
        if (job == null) {
            throw new IllegalStateException("no job");
        }
    }

    private static double throughput(long[] totals) {
        return Ratios.throughput(totals[0], Duration.ofNanos(totals[1]));
    }

    private static String rate(Workers.Round round) {
        return String.format(Locale.ROOT, "%.0f", Ratios.throughput(round.calls(), round.elapsed()));
    }

    private static String name(Client c) {
        return c.name().toLowerCase(Locale.ROOT);
    }
}
