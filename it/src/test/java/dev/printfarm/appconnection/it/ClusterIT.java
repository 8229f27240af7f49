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
 * once per server), and when the server holding that work is killed (SIGKILL) the other takes it over within the
 * lease time. Runs only on PostgreSQL (profile postgresql); Derby's embedded store cannot be shared by two servers.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@Tag("cluster")
class ClusterIT {

    private static final Duration INTERVAL = Duration.ofSeconds(4);
    private static final Duration LEASE_TTL = Duration.ofSeconds(6);
    private static final int PRINTERS = 4;

    @Deployment(testable = false)
    static WebArchive sandbox() {
        return Deployments.sandbox(Map.of("sandbox.printers", String.valueOf(PRINTERS)));
    }

    private static Map<String, String> config(ClusterMember member) {
        return Map.of(
                "appconnection.info.refresh-interval", INTERVAL.toString(),
                "appconnection.cluster.lease-ttl", LEASE_TTL.toString(),
                "appconnection.public-base-url", member.base());
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
                URI callback = browser.authorize(URI.create(b.probe("portal").orElseThrow()), printerId);
                assertEquals(303, browser.get(callback).statusCode(), "the callback on " + b.server);
                String id = PortalDriver.query(callback).get("id");
                ids.add(id);
                var job = sandbox.printer(printerId).getJsonObject("job");
                assertEquals(job.isNull("file") ? "" : job.getString("file"), c.probe("job/" + id).orElseThrow(),
                        "a connection made through one server, used from the other");
            }

            // Both servers up for three cycles: one refresh per printer and cycle, not one per server.
            Instant from = Instant.now();
            Await.during(INTERVAL.multipliedBy(3));
            Instant to = Instant.now();
            List<Long> perPrinter = new ArrayList<>();
            for (String id : ids) {
                long calls = callsBetween(sandbox.infoCalls(id), from, to);
                perPrinter.add(calls);
                assertTrue(calls >= 2 && calls <= 4, "Info calls for " + id + " in three " + INTERVAL.toSeconds()
                        + " s cycles with two servers: " + calls + " (once per cycle is 3; once per server would be 6)");
            }

            System.out.println("ClusterIT: Info calls per printer in three cycles with two servers: " + perPrinter);

            String revoked = ids.get(PRINTERS - 1);
            sandbox.revoke(revoked);
            Await.until(INTERVAL.multipliedBy(4), () -> "REVOKED".equals(b.probe("state/" + revoked).orElse(""))
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
            Await.until(LEASE_TTL.plusSeconds(10), () -> survivor.probe("lease/info-refresh").orElse("")
                    .startsWith(survivorId + " "), () -> "the survivor did not take the Info refresh over");
            Duration took = Duration.between(killed, Instant.now());
            assertTrue(took.compareTo(LEASE_TTL.plusSeconds(3)) <= 0,
                    "take-over after " + took.toMillis() + " ms; the lease lasts " + LEASE_TTL.toMillis() + " ms");

            System.out.println("ClusterIT: " + owner.server + " killed; " + survivor.server + " took over after "
                    + took.toMillis() + " ms (lease " + LEASE_TTL.toMillis() + " ms)");
            Instant takenOver = Instant.now();
            Await.during(INTERVAL.multipliedBy(2).plusSeconds(1));
            for (String id : ids.subList(0, PRINTERS - 1)) {
                assertTrue(callsBetween(sandbox.infoCalls(id), takenOver, Instant.now()) >= 1,
                        "the survivor refreshes " + id);
            }
            assertEquals(0, callsBetween(sandbox.infoCalls(revoked), takenOver, Instant.now()),
                    "a revoked connection is not asked again");
        }
    }
}
