package dev.printfarm.appconnection.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Two Liberty servers carrying the module on one PostgreSQL store (it-pg-b and it-pg-c, started and killed by the
 * test), both using the sandbox on the Arquillian server: a connection made through one is used from the other, a
 * revocation is seen by both, the background Info refresh asks each printer once per cycle for the whole cluster (not
 * once per server), and so do the fleet refresh (one server refreshes, the other follows its snapshots) and Gadget
 * polling (watched on both servers, asked never twice within 10 s); a webhook delivered to both servers fires once in
 * the cluster; and when the server holding the work is killed (SIGKILL) the other takes it over within the lease time. Runs only on PostgreSQL (profile postgresql); Derby's embedded store cannot be shared by two servers.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@Tag("cluster")
class ClusterIT {

    private static final Duration INTERVAL = Duration.ofSeconds(4);
    private static final Duration LEASE_TTL = Duration.ofSeconds(6);
    private static final int PRINTERS = 4;
    private static final Duration FLEET_CYCLE = Duration.ofSeconds(2);

    @Deployment(testable = false)
    static WebArchive sandbox() {
        return Deployments.sandbox(Map.of("sandbox.printers", String.valueOf(PRINTERS)));
    }

    private static Map<String, String> config(ClusterMember member) {
        return Map.of(
                "appconnection.info.refresh-interval", INTERVAL.toString(),
                "appconnection.cluster.lease-ttl", LEASE_TTL.toString(),
                "appconnection.fleet.cycle", FLEET_CYCLE.toString(),
                // Every fleet request through the relay, where the sandbox counts them.
                "appconnection.lan.enabled", "false",
                "appconnection.public-base-url", member.base());
    }

    /** OctoEverywhere's rule, cluster-wide: Gadget is never asked twice within 10 s (less the sandbox's own latency). */
    private static void assertTenSecondsApart(List<Instant> calls) {
        for (int i = 1; i < calls.size(); i++) {
            Duration gap = Duration.between(calls.get(i - 1), calls.get(i));
            assertTrue(
                    gap.compareTo(Duration.ofMillis(9_900)) >= 0,
                    "Gadget asked twice within " + gap.toMillis() + " ms: " + calls);
        }
    }

    private static long callsBetween(List<Instant> calls, Instant from, Instant to) {
        return calls.stream().filter(t -> !t.isBefore(from) && t.isBefore(to)).count();
    }

    @Test
    void twoServersShareConnectionsAndRefreshEachPrinterOncePerCycleAndTheSurvivorTakesOver() {
        SandboxClient sandbox = new SandboxClient("http://localhost:" + Deployments.httpPort() + "/sandbox");
        PortalDriver browser = new PortalDriver();
        try (ClusterMember b = new ClusterMember("it-pg-b", Integer.getInteger("it.cluster.b.port", 9580));
                ClusterMember c = new ClusterMember("it-pg-c", Integer.getInteger("it.cluster.c.port", 9680))) {
            b.start(config(b));
            c.start(config(c));

            List<String> ids = new ArrayList<>();
            for (int i = 0; i < PRINTERS; i++) {
                String printerId = sandbox.printers().getJsonObject(i).getString("id");
                URI callback = browser.authorize(browser.startAt(b.probeUri("portal")), printerId);
                assertEquals(303, browser.get(callback).statusCode(), "the callback on " + b.server);
                String id = PortalDriver.query(callback).get("id");
                ids.add(id);
                var job = sandbox.printer(printerId).getJsonObject("job");
                assertEquals(
                        job.isNull("file") ? "" : job.getString("file"),
                        c.probe("job/" + id).orElseThrow(),
                        "a connection made through one server, used from the other");
            }

            // Both servers up for three cycles: one refresh per printer and cycle, not one per server.
            List<Integer> relayedBefore =
                    ids.stream().map(sandbox::relayedRequests).toList();
            Instant from = Instant.now();
            Await.during(INTERVAL.multipliedBy(3));
            Instant to = Instant.now();
            List<Integer> relayedAfter =
                    ids.stream().map(sandbox::relayedRequests).toList();
            List<Long> perPrinter = new ArrayList<>();
            List<Integer> fleetRequests = new ArrayList<>();
            long fleetCycles = Duration.between(from, to).dividedBy(FLEET_CYCLE);
            for (int i = 0; i < PRINTERS; i++) {
                String id = ids.get(i);
                long calls = callsBetween(sandbox.infoCalls(id), from, to);
                perPrinter.add(calls);
                assertTrue(
                        calls >= 2 && calls <= 4,
                        "Info calls for " + id + " in three " + INTERVAL.toSeconds() + " s cycles with two servers: "
                                + calls + " (once per cycle is 3; once per server would be 6)");
                int relayed = relayedAfter.get(i) - relayedBefore.get(i);
                fleetRequests.add(relayed);
                // An idle printer costs one request per refresh (its job is read again every sixth), a printing one
                // two.
                boolean printingNow = "Printing"
                        .equals(sandbox.printer(
                                        sandbox.printers().getJsonObject(i).getString("id"))
                                .getString("state"));
                long perRefresh = printingNow ? 2 : 1;
                // A refresh is sent at the first fleet tick after its moment (ticks are a second apart plus their own
                // work, more on a loaded machine), so the window may hold one refresh due before it besides one per
                // cycle and one at its end: fleetCycles + 2 refreshes at most once per cluster, twice that per server.
                long refreshes = fleetCycles + 2;
                long most = printingNow ? 2 * refreshes : refreshes + (refreshes + 5) / 6;
                assertTrue(
                        relayed >= perRefresh * (fleetCycles - 2) && relayed <= most,
                        "fleet requests for " + id
                                + (printingNow ? " (printing)" : " (idle)") + " in " + fleetCycles + " cycles of "
                                + FLEET_CYCLE.toSeconds() + " s with two servers: " + relayed
                                + " (once per server would be about "
                                + 2 * perRefresh * fleetCycles + ")");
                for (ClusterMember member : List.of(b, c)) {
                    assertTrue(
                            member.probe("fleet/" + id).orElse("").startsWith("ONLINE "),
                            member.server + " shows the printer's snapshot: " + member.probe("fleet/" + id));
                }
            }
            System.out.println("ClusterIT: Info calls per printer in three cycles with two servers: " + perPrinter);
            System.out.println("ClusterIT: fleet requests per printer in " + fleetCycles
                    + " fleet cycles with two servers: " + fleetRequests);

            // Gadget: the printing printer is watched on both servers; one server asks, both watchers hear.
            String printing = ids.get(0);
            String printingPrinter = sandbox.printers().getJsonObject(0).getString("id");
            assertEquals("printing", b.probe("print/" + printing).orElseThrow());
            b.probe("watch/" + printing).orElseThrow();
            c.probe("watch/" + printing).orElseThrow();
            Await.until(
                    Duration.ofSeconds(40),
                    () -> sandbox.gadgetCalls(printingPrinter, printing).size() >= 3,
                    () -> "Gadget was not asked three times: " + sandbox.gadgetCalls(printingPrinter, printing));
            Await.until(
                    Duration.ofSeconds(10),
                    () -> Integer.parseInt(b.probe("gadget/" + printing).orElse("0")) >= 2
                            && Integer.parseInt(c.probe("gadget/" + printing).orElse("0")) >= 2,
                    () -> "both servers' watchers hear Gadget: " + b.probe("gadget/" + printing) + " / "
                            + c.probe("gadget/" + printing));
            assertTenSecondsApart(sandbox.gadgetCalls(printingPrinter, printing));
            System.out.println("ClusterIT: Gadget calls with watchers on both servers: "
                    + sandbox.gadgetCalls(printingPrinter, printing) + "; updates heard on " + b.server + " "
                    + b.probe("gadget/" + printing).orElse("?") + ", on " + c.server + " "
                    + c.probe("gadget/" + printing).orElse("?"));

            // A webhook delivery (and OctoEverywhere's retry) reaching both servers fires one notification.
            String notified = ids.get(1);
            String token = b.probe("webhook/" + notified).orElseThrow();
            String delivery = "{\"EventType\": 5, \"PrintId\": \"cluster-1\"}";
            List<java.util.concurrent.CompletableFuture<Integer>> posts = new ArrayList<>();
            for (ClusterMember member : List.of(b, c, b, c)) {
                posts.add(java.util.concurrent.CompletableFuture.supplyAsync(() -> browser.send(
                                java.net.http.HttpRequest.newBuilder(
                                                URI.create(member.base() + "/appconnection/webhook?token=" + token))
                                        .header("Content-Type", "application/json")
                                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString(delivery)))
                        .statusCode()));
            }
            assertEquals(
                    List.of(200, 200, 200, 200),
                    posts.stream()
                            .map(java.util.concurrent.CompletableFuture::join)
                            .toList(),
                    "each server accepts the delivery");
            Await.during(Duration.ofSeconds(1));
            int onB = Integer.parseInt(b.probe("notifications/" + notified).orElseThrow());
            int onC = Integer.parseInt(c.probe("notifications/" + notified).orElseThrow());
            assertEquals(
                    1,
                    onB + onC,
                    "one notification in the cluster for one delivery sent four times: " + onB + " on " + b.server
                            + ", " + onC + " on " + c.server);
            System.out.println("ClusterIT: one webhook delivery sent twice to each server fired " + onB + " + " + onC);

            String revoked = ids.get(PRINTERS - 1);
            sandbox.revoke(revoked);
            Await.until(
                    INTERVAL.multipliedBy(4),
                    () -> "REVOKED".equals(b.probe("state/" + revoked).orElse(""))
                            && "REVOKED".equals(c.probe("state/" + revoked).orElse("")),
                    () -> "both servers should see the revocation: " + b.probe("state/" + revoked) + " / "
                            + c.probe("state/" + revoked));

            String holder = c.probe("lease/info-refresh").orElseThrow().split(" ")[0];
            ClusterMember owner = holder.equals(b.probe("me").orElseThrow()) ? b : c;
            ClusterMember survivor = owner == b ? c : b;
            assertEquals(holder, owner.probe("me").orElseThrow(), "the lease names one of the two servers");
            String survivorId = survivor.probe("me").orElseThrow();
            Instant killed = Instant.now();
            owner.kill();
            Await.until(
                    LEASE_TTL.plusSeconds(10),
                    () -> survivor.probe("lease/info-refresh").orElse("").startsWith(survivorId + " "),
                    () -> "the survivor did not take the Info refresh over");
            Duration took = Duration.between(killed, Instant.now());
            assertTrue(
                    took.compareTo(LEASE_TTL.plusSeconds(3)) <= 0,
                    "take-over after " + took.toMillis() + " ms; the lease lasts " + LEASE_TTL.toMillis() + " ms");

            System.out.println("ClusterIT: " + owner.server + " killed; " + survivor.server + " took over after "
                    + took.toMillis() + " ms (lease " + LEASE_TTL.toMillis() + " ms)");
            Instant takenOver = Instant.now();
            int relayedAtKill = sandbox.relayedRequests(ids.get(1));
            int gadgetAtKill = sandbox.gadgetCalls(printingPrinter, printing).size();
            Await.during(INTERVAL.multipliedBy(2).plusSeconds(1));
            for (String id : ids.subList(0, PRINTERS - 1)) {
                assertTrue(
                        callsBetween(sandbox.infoCalls(id), takenOver, Instant.now()) >= 1,
                        "the survivor refreshes " + id);
            }
            assertEquals(
                    0,
                    callsBetween(sandbox.infoCalls(revoked), takenOver, Instant.now()),
                    "a revoked connection is not asked again");
            // The fleet refresh and Gadget polling go on from the survivor, Gadget still never twice within 10 s.
            Await.until(
                    LEASE_TTL.plusSeconds(10),
                    () -> sandbox.relayedRequests(ids.get(1)) > relayedAtKill + 2,
                    () -> "the survivor does not refresh the fleet");
            Await.until(
                    LEASE_TTL.plusSeconds(25),
                    () -> sandbox.gadgetCalls(printingPrinter, printing).size() > gadgetAtKill + 1,
                    () -> "the survivor does not poll Gadget: " + sandbox.gadgetCalls(printingPrinter, printing));
            assertTenSecondsApart(sandbox.gadgetCalls(printingPrinter, printing));
            assertTrue(survivor.probe("fleet/" + ids.get(1)).orElse("").startsWith("ONLINE "));
        }
    }
}
