package dev.printfarm.appconnection.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * SIGKILL during portal completions on PostgreSQL: {@value #FLOWS} callbacks are sent to one server at once, the
 * server is killed while they are being answered, and after a restart every completion whose browser got the
 * redirect (303) is in the store with secrets that open, and no stored row is half-written.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@Tag("cluster")
class CrashDurabilityIT {

    private static final int FLOWS = 600;
    private static final int PRINTERS = 20;

    @Deployment(testable = false)
    static WebArchive sandbox() {
        return Deployments.sandbox(Map.of("sandbox.printers", String.valueOf(PRINTERS)));
    }

    @Test
    void everyCompletionTheBrowserSawIsStoredWholeAfterAKillDuringFiveHundredAndMore() throws Exception {
        SandboxClient sandbox = new SandboxClient("http://localhost:" + Deployments.httpPort() + "/sandbox");
        List<String> printers = new ArrayList<>();
        for (int i = 0; i < PRINTERS; i++) {
            printers.add(sandbox.printers().getJsonObject(i).getString("id"));
        }
        try (ClusterMember b = new ClusterMember("it-pg-b", Integer.getInteger("it.cluster.b.port", 9580))) {
            b.start(Map.of("appconnection.public-base-url", b.base()));

            // The browsers' side up to the portal's redirect: FLOWS flows started on the server, each authorized by a
            // browser of its own, whose cookie then goes with its callback.
            Map<URI, String> callbacks = new LinkedHashMap<>();
            ExecutorService browsers = Executors.newFixedThreadPool(8);
            try {
                List<CompletableFuture<Map.Entry<URI, String>>> authorized = new ArrayList<>();
                for (int i = 0; i < FLOWS; i++) {
                    String printerId = printers.get(i % PRINTERS);
                    authorized.add(CompletableFuture.supplyAsync(
                            () -> {
                                PortalDriver browser = new PortalDriver();
                                URI callback = browser.authorize(browser.startAt(b.probeUri("portal")), printerId);
                                return Map.entry(callback, browser.cookieHeader(callback));
                            },
                            browsers));
                }
                for (CompletableFuture<Map.Entry<URI, String>> callback : authorized) {
                    Map.Entry<URI, String> done = callback.get(300, TimeUnit.SECONDS);
                    callbacks.put(done.getKey(), done.getValue());
                }
            } finally {
                browsers.shutdownNow();
            }

            // All callbacks at once; the server dies once a good part of them has been answered.
            HttpClient http = HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .connectTimeout(Duration.ofSeconds(30))
                    .build();
            Set<String> acknowledged = ConcurrentHashMap.newKeySet();
            AtomicInteger answered = new AtomicInteger();
            List<CompletableFuture<?>> inFlight = new ArrayList<>();
            for (Map.Entry<URI, String> flow : callbacks.entrySet()) {
                URI callback = flow.getKey();
                String id = PortalDriver.query(callback).get("id");
                inFlight.add(http.sendAsync(
                                HttpRequest.newBuilder(callback)
                                        .timeout(Duration.ofSeconds(120))
                                        .header("Cookie", flow.getValue())
                                        .GET()
                                        .build(),
                                HttpResponse.BodyHandlers.discarding())
                        .handle((response, failure) -> {
                            answered.incrementAndGet();
                            if (failure == null && response.statusCode() == 303) {
                                acknowledged.add(id);
                            }
                            return null;
                        }));
            }
            Await.until(
                    Duration.ofSeconds(120),
                    () -> answered.get() >= FLOWS / 3,
                    () -> "only " + answered.get() + " callbacks answered");
            b.kill();
            CompletableFuture.allOf(inFlight.toArray(CompletableFuture[]::new)).get(180, TimeUnit.SECONDS);
            int acked = acknowledged.size();
            assertTrue(
                    acked > 0 && acked < FLOWS, "the kill must fall inside the completions: " + acked + " of " + FLOWS);

            b.start(Map.of("appconnection.public-base-url", b.base()));
            Map<String, String> rows = new HashMap<>();
            for (String line : b.probe("rows").orElseThrow().split("\n")) {
                if (!line.isBlank()) {
                    String[] parts = line.split(" ");
                    rows.put(parts[0], parts[1]);
                }
            }
            Set<String> ours = callbacks.keySet().stream()
                    .map(c -> PortalDriver.query(c).get("id"))
                    .collect(Collectors.toSet());
            rows.keySet().retainAll(ours);
            Set<String> lost = acknowledged.stream()
                    .filter(id -> !"readable".equals(rows.get(id)))
                    .collect(Collectors.toSet());
            Map<String, Long> verdicts =
                    rows.values().stream().collect(Collectors.groupingBy(v -> v, Collectors.counting()));
            System.out.println("CrashDurabilityIT: " + FLOWS + " completions sent, " + acked
                    + " acknowledged (303) before the kill, " + acked + " expected in the store, "
                    + (acked - lost.size()) + " found readable, " + lost.size()
                    + " lost; this test's stored rows by verdict: "
                    + verdicts);
            assertEquals(Set.of(), lost, "acknowledged completions missing or unreadable after the restart");
            assertEquals(
                    rows.size(),
                    verdicts.getOrDefault("readable", 0L).intValue(),
                    "every row this test stored is whole (secrets open): " + verdicts);
        }
    }
}
