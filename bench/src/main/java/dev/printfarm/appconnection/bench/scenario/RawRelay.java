package dev.printfarm.appconnection.bench.scenario;

import dev.printfarm.appconnection.bench.connect.Completion;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A plain JDK {@code HttpClient} that sends relayed requests with the connections' own headers, asynchronously, with at
 * most a given number in flight: what the machine and the sandbox allow, as a reference for the fleet figures.
 */
final class RawRelay {

    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    /** How long the requests took, and how many were not answered 200. */
    record Outcome(Duration wall, int failed) {}

    /**
     * {@code requests} requests over the connections, at most {@code concurrency} in flight: each connection gets
     * {@code GET /api/printer?exclude=sd}, and the first {@code requests - connections} of them a {@code GET /api/job}
     * right after, the pattern of a fleet refresh that asks the job of some printers only.
     */
    Outcome run(List<Completion> targets, long requests, int concurrency) throws Exception {
        int n = targets.size();
        if (requests < n || requests > 2L * n) {
            throw new IllegalArgumentException(
                    "between one and two requests per connection: " + requests + " for " + n);
        }
        int twice = (int) (requests - n);
        AtomicInteger next = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        long t0 = System.nanoTime();
        List<CompletableFuture<Void>> lanes = new ArrayList<>();
        for (int lane = 0; lane < Math.min(concurrency, n); lane++) {
            lanes.add(lane(targets, twice, next, failed));
        }
        CompletableFuture.allOf(lanes.toArray(CompletableFuture[]::new)).get(5, TimeUnit.MINUTES);
        return new Outcome(Duration.ofNanos(System.nanoTime() - t0), failed.get());
    }

    private CompletableFuture<Void> lane(
            List<Completion> targets, int twice, AtomicInteger next, AtomicInteger failed) {
        int i = next.getAndIncrement();
        if (i >= targets.size()) {
            return CompletableFuture.completedFuture(null);
        }
        Completion c = targets.get(i);
        CompletableFuture<Void> done = get(c, "/api/printer?exclude=sd", failed);
        if (i < twice) {
            done = done.thenCompose(ignored -> get(c, "/api/job", failed));
        }
        return done.thenCompose(ignored -> lane(targets, twice, next, failed));
    }

    private CompletableFuture<Void> get(Completion c, String path, AtomicInteger failed) {
        HttpRequest.Builder request = HttpRequest.newBuilder(c.relayed(path))
                .timeout(Duration.ofSeconds(20))
                .header("Authorization", c.authorization());
        c.octoPrintApiKey().ifPresent(key -> request.header("X-Api-Key", key));
        return client.sendAsync(request.GET().build(), HttpResponse.BodyHandlers.ofString())
                .handle((response, error) -> {
                    if (error != null || response.statusCode() != 200) {
                        failed.incrementAndGet();
                    }
                    return null;
                });
    }
}
