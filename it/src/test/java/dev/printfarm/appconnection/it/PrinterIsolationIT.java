package dev.printfarm.appconnection.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.printfarm.appconnection.api.AppConnectionService;
import dev.printfarm.appconnection.api.PortalRequest;
import dev.printfarm.appconnection.api.error.AppConnectionException;
import dev.printfarm.appconnection.api.error.PrinterCircuitOpenException;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.OperateOnDeployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * One printer hard down (its relay answers only after the read timeout) among nine healthy ones: the
 * healthy printers keep their latency (p95 against a baseline measured in the same run), the dead one
 * fails fast once its breaker is open, and it recovers when the sandbox brings it back.
 */
@ExtendWith(ArquillianExtension.class)
class PrinterIsolationIT {

    private static final int PRINTERS = 10;
    private static final int CALLS_PER_PRINTER = 25;

    @Deployment(name = "sandbox", testable = false, order = 1)
    static WebArchive sandbox() {
        return Deployments.sandbox(Map.of("sandbox.printers", String.valueOf(PRINTERS)));
    }

    @Deployment(name = "module", order = 2)
    static WebArchive module() {
        return Deployments.module(
                "module-isolation-it",
                Map.of(
                        "appconnection.relay.read-timeout", "PT1S",
                        "appconnection.relay.retry.max-attempts", "2",
                        "appconnection.relay.retry.initial-backoff", "PT0.02S",
                        "appconnection.relay.retry.max-backoff", "PT0.05S",
                        "appconnection.relay.breaker.failure-threshold", "3",
                        "appconnection.relay.breaker.open-duration", "PT2S"),
                PrinterIsolationIT.class);
    }

    @Inject
    AppConnectionService service;

    @Test
    @OperateOnDeployment("module")
    void deadPrinterDoesNotSlowTheOthersFailsFastAndRecovers() throws Exception {
        var sandbox = SandboxClient.onThisServer();
        var browser = new PortalDriver();
        List<String> printers = new ArrayList<>();
        List<String> connections = new ArrayList<>();
        for (int i = 0; i < PRINTERS; i++) {
            String printerId = sandbox.printers().getJsonObject(i).getString("id");
            URI callback = browser.authorize(browser.start(service, PortalRequest.forOwner("isolation-it")), printerId);
            assertEquals(303, browser.get(callback).statusCode());
            printers.add(printerId);
            connections.add(PortalDriver.query(callback).get("id"));
        }
        String deadPrinter = printers.get(0);
        String dead = connections.get(0);
        List<String> healthy = connections.subList(1, PRINTERS);

        ExecutorService pool = Executors.newFixedThreadPool(PRINTERS);
        try {
            long baselineP95 = p95(healthyRound(pool, healthy));

            sandbox.control(deadPrinter, "{\"latencyMs\": 5000}");
            AtomicBoolean stop = new AtomicBoolean();
            AtomicBoolean breakerOpen = new AtomicBoolean();
            // Latencies of the calls that started when the breaker was already open (the call that opens it
            // still waited for its own timed-out attempt).
            List<Long> deadFastFailures = Collections.synchronizedList(new ArrayList<>());
            Future<?> hammer = pool.submit(() -> {
                while (!stop.get()) {
                    boolean openAtStart = breakerOpen.get();
                    long start = System.nanoTime();
                    try {
                        service.octoPrint(dead).job();
                    } catch (PrinterCircuitOpenException open) {
                        if (openAtStart) {
                            deadFastFailures.add(System.nanoTime() - start);
                        }
                        breakerOpen.set(true);
                    } catch (AppConnectionException expected) {
                        // timeouts until the breaker opens
                    }
                }
            });
            List<Long> withDead;
            try {
                withDead = healthyRound(pool, healthy);
                // Each failed attempt costs the dead printer a read timeout: keep at it until its breaker opens.
                Instant opened = Instant.now().plus(Duration.ofSeconds(20));
                while (deadFastFailures.isEmpty() && Instant.now().isBefore(opened)) {
                    Thread.sleep(50);
                }
            } finally {
                stop.set(true);
                hammer.get(30, TimeUnit.SECONDS);
            }
            long withDeadP95 = p95(withDead);
            String figures =
                    "healthy p95 baseline " + ms(baselineP95) + " ms, with a dead printer " + ms(withDeadP95) + " ms";
            System.out.println("PrinterIsolationIT: " + figures);
            assertTrue(withDeadP95 <= 3 * baselineP95 + TimeUnit.MILLISECONDS.toNanos(50), figures);

            assertTrue(!deadFastFailures.isEmpty(), "the dead printer's breaker never opened");
            // Without the breaker every call would wait out the 1 s read timeout (twice, with its retry). The slowest
            // refusal only has to stay under one timeout: on 2 busy cores a GC pause alone can take 200 ms.
            List<Long> sorted = new ArrayList<>(deadFastFailures);
            Collections.sort(sorted);
            long typical = sorted.get((int) Math.floor(0.9 * (sorted.size() - 1)));
            long slowest = sorted.get(sorted.size() - 1);
            assertTrue(
                    typical < TimeUnit.MILLISECONDS.toNanos(100),
                    "an open breaker took " + ms(typical) + " ms (p90) to refuse");
            assertTrue(
                    slowest < TimeUnit.MILLISECONDS.toNanos(1000),
                    "an open breaker took " + ms(slowest) + " ms (slowest) to refuse");
            int sentWhileOpen = sandbox.relayedRequests(dead);
            try {
                service.octoPrint(dead).job();
            } catch (PrinterCircuitOpenException stillOpen) {
                assertEquals(sentWhileOpen, sandbox.relayedRequests(dead), "an open breaker sends nothing");
            }
        } finally {
            sandbox.restore(deadPrinter);
            pool.shutdownNow();
        }

        Instant deadline = Instant.now().plus(Duration.ofSeconds(15));
        while (true) {
            try {
                assertEquals(
                        "1.10.3", service.octoPrint(dead).version().server().orElseThrow());
                return;
            } catch (AppConnectionException notYet) {
                assertTrue(Instant.now().isBefore(deadline), "the dead printer did not recover: " + notYet);
                Thread.sleep(100);
            }
        }
    }

    /** Every healthy printer called {@link #CALLS_PER_PRINTER} times, all printers at once; the latencies. */
    private List<Long> healthyRound(ExecutorService pool, List<String> healthy) throws Exception {
        List<Future<List<Long>>> results = new ArrayList<>();
        for (String id : healthy) {
            results.add(pool.submit(() -> {
                List<Long> latencies = new ArrayList<>();
                var client = service.octoPrint(id);
                for (int i = 0; i < CALLS_PER_PRINTER; i++) {
                    long start = System.nanoTime();
                    client.job();
                    latencies.add(System.nanoTime() - start);
                }
                return latencies;
            }));
        }
        List<Long> all = new ArrayList<>();
        for (Future<List<Long>> f : results) {
            all.addAll(f.get(60, TimeUnit.SECONDS));
        }
        return all;
    }

    private static long p95(List<Long> latencies) {
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        return sorted.get((int) Math.ceil(sorted.size() * 0.95) - 1);
    }

    private static long ms(long nanos) {
        return TimeUnit.NANOSECONDS.toMillis(nanos);
    }
}
