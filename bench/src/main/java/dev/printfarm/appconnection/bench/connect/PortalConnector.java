package dev.printfarm.appconnection.bench.connect;

import dev.printfarm.appconnection.api.AppConnectionService;
import dev.printfarm.appconnection.api.PortalRequest;
import dev.printfarm.appconnection.bench.run.Params;
import dev.printfarm.appconnection.bench.run.Progress;
import dev.printfarm.appconnection.bench.sandbox.SandboxControl;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Creates connections the way a user does, many at once: the module's portal URL, the sandbox portal's "Authorize"
 * for one printer, then the portal's redirect to the module's callback, which stores the connection. The bench reads
 * the relay credentials off that redirect before following it (the raw client of relay-overhead needs them) and never
 * looks into the module's store.
 */
@ApplicationScoped
public class PortalConnector {

    @Inject
    AppConnectionService service;

    @Inject
    SandboxControl sandbox;

    @Inject
    Fleet fleet;

    @Inject
    @ConfigProperty(name = "appconnection.relay.auth-preference", defaultValue = "bearer")
    String authPreference;

    @Resource(lookup = "java:comp/DefaultManagedThreadFactory")
    ManagedThreadFactory threads;

    /**
     * The browser's own threads end a second after the last connection is made; the JDK's default executor would keep
     * them for a minute, counted in fleet-10k's thread figures.
     */
    private final ThreadPoolExecutor browserThreads = browserThreads();

    private final HttpClient browser = HttpClient.newBuilder()
            .executor(browserThreads)
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    /**
     * Step {@code connect}: {@code count} printers from the sandbox's {@code offset}-th on, {@code parallelism} at a
     * time. With {@code hold-latency-ms} the sandbox answers relayed requests that late while the connections are made
     * (and afterwards, until a scenario sets its own latency): on a server whose fleet monitor runs on its own
     * schedule, it then refreshes the connections made so far only slowly instead of competing with their creation
     * for the CPU.
     */
    public String connect(Params params, Progress progress) throws Exception {
        fleet.beforeFirstConnection(ManagementFactory.getThreadMXBean().getThreadCount());
        int count = params.integer("count", 1000, 1, 10_000);
        int offset = params.integer("offset", 0, 0, 9_999);
        int parallelism = params.integer("parallelism", 8, 1, 64);
        int hold = params.integer("hold-latency-ms", -1, -1, 15_000);
        if (hold >= 0) {
            sandbox.fleetLatency(hold);
        }
        List<String> printers = sandbox.printerIds();
        if (offset + count > printers.size()) {
            throw new IllegalArgumentException(
                    "the sandbox has " + printers.size() + " printers, not " + (offset + count));
        }
        List<String> chosen = printers.subList(offset, offset + count);
        Completion[] created = new Completion[count];
        AtomicInteger next = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        long started = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(parallelism, threads);
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int w = 0; w < parallelism; w++) {
                workers.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                        created[i] = connectOne(chosen.get(i));
                        int n = done.incrementAndGet();
                        if (n % 2000 == 0 && n < count) {
                            progress.note("connected " + n + " of " + count);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
        } finally {
            pool.shutdownNow();
        }
        fleet.addAll(Arrays.asList(created));
        double seconds = (System.nanoTime() - started) / 1e9;
        return String.format(
                java.util.Locale.ROOT,
                "connected %d printers in %.1f s (%.0f a second, %d at a time)",
                count,
                seconds,
                count / seconds,
                parallelism);
    }

    private static ThreadPoolExecutor browserThreads() {
        AtomicInteger made = new AtomicInteger();
        ThreadPoolExecutor pool =
                new ThreadPoolExecutor(4, 4, 1, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), task -> {
                    Thread thread = new Thread(task, "bench-browser-" + made.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }

    @PreDestroy
    void stop() {
        browserThreads.shutdownNow();
    }

    private Completion connectOne(String printerId) {
        java.util.concurrent.atomic.AtomicReference<String> flowCookie =
                new java.util.concurrent.atomic.AtomicReference<>("");
        URI portal = service.portalUrl(
                PortalRequest.forOwner("bench").withPrinterId(printerId).withOctoPrintApiKey("App Connections bench"),
                (name, value) -> flowCookie.set(value.split(";", 2)[0]));
        Map<String, String> form = new LinkedHashMap<>(Completion.query(portal));
        form.put("printerId", printerId);
        StringJoiner body = new StringJoiner("&");
        form.forEach((k, v) -> body.add(encode(k) + "=" + encode(v)));
        HttpResponse<Void> authorized = send(HttpRequest.newBuilder(portal.resolve("authorize"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
        if (authorized.statusCode() != 302) {
            throw new IllegalStateException(
                    "the sandbox portal answered " + authorized.statusCode() + " for " + printerId);
        }
        URI callback = URI.create(authorized.headers().firstValue("Location").orElseThrow());
        Completion completion = Completion.from(callback, printerId, !"basic".equalsIgnoreCase(authPreference.strip()));
        int stored = send(HttpRequest.newBuilder(callback)
                        .header("Cookie", flowCookie.get())
                        .GET())
                .statusCode();
        if (stored != 303) {
            throw new IllegalStateException("the module's callback answered " + stored + " for printer " + printerId);
        }
        return completion;
    }

    private HttpResponse<Void> send(HttpRequest.Builder request) {
        try {
            return browser.send(
                    request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.discarding());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
