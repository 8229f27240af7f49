package dev.printfarm.appconnection.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.printfarm.appconnection.api.AppConnectionService;
import dev.printfarm.appconnection.api.CircuitState;
import dev.printfarm.appconnection.api.ConnectionState;
import dev.printfarm.appconnection.api.fleet.PrinterView;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.OperateOnDeployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The fleet monitor against 24 emulated printers that answer after 300 ms: the sandbox never sees more requests in
 * flight than the configured 4 (and does see 4, so the bound is what limits it); revoked connections get no traffic;
 * a change fires a snapshot event.
 */
@ExtendWith(ArquillianExtension.class)
class FleetMonitorIT {

    private static final int PRINTERS = 24;
    private static final int CONCURRENCY = 4;

    @Deployment(name = "sandbox", testable = false, order = 1)
    static WebArchive sandbox() {
        return Deployments.sandbox(Map.of("sandbox.printers", "30", "sandbox.latency-ms", "300"));
    }

    @Deployment(name = "module", order = 2)
    static WebArchive module() {
        return Deployments.module(
                "module-fleet-it",
                Map.of(
                        "appconnection.fleet.cycle",
                        "PT5S",
                        "appconnection.fleet.concurrency",
                        String.valueOf(CONCURRENCY),
                        // Every refresh keeps its place, so the sandbox's peak is the bound itself, even when a busy
                        // machine makes one refresh several times slower than the others.
                        "appconnection.fleet.slow-refreshes",
                        "0"),
                FleetMonitorIT.class,
                ModuleEvents.class);
    }

    @Inject
    AppConnectionService service;

    @Inject
    ModuleEvents events;

    @Test
    @OperateOnDeployment("module")
    void boundedConcurrencyNoTrafficForRevokedConnectionsAndEventsOnChange() {
        SandboxClient sandbox = SandboxClient.onThisServer();
        Map<String, String> printerOf = Fleets.connectFirst(service, sandbox, PRINTERS, "fleet-it");
        List<String> ids = List.copyOf(printerOf.keySet());

        sandbox.resetPeak();
        Fleets.refreshAll(service);
        int peak = sandbox.peakInFlight();
        assertTrue(peak <= CONCURRENCY, "the sandbox saw " + peak + " requests in flight, the bound is " + CONCURRENCY);
        assertTrue(peak >= CONCURRENCY - 1, "the bound is what limits: peak " + peak);
        List<PrinterView> snapshots = service.fleet();
        for (String id : ids) {
            PrinterView s = snapshots.stream()
                    .filter(p -> p.connectionId().equals(id))
                    .findFirst()
                    .orElseThrow();
            assertEquals(ConnectionState.ONLINE, s.state(), s.toString());
            assertTrue(s.job().isPresent() && !s.temperatures().isEmpty(), s.toString());
            Instant asked = Instant.now();
            Instant next = service.nextFleetRefresh(id).orElseThrow();
            Instant answered = Instant.now();
            assertTrue(
                    next.isAfter(asked) && !next.isAfter(answered.plusSeconds(5)),
                    "next refresh " + next + " lies within one 5-s cycle after " + asked);
            assertEquals(CircuitState.CLOSED, service.circuit(id), "a printer that answered has a closed breaker");
        }

        List<String> revoked = ids.subList(0, 3);
        revoked.forEach(sandbox::revoke);
        Fleets.refreshAll(service);
        revoked.forEach(id -> assertEquals(
                ConnectionState.REVOKED, service.connection(id).orElseThrow().state()));
        Map<String, Integer> before = new HashMap<>();
        ids.forEach(id -> before.put(id, sandbox.relayedRequests(id)));
        Fleets.refreshAll(service);
        Fleets.refreshAll(service);
        for (String id : ids) {
            int now = sandbox.relayedRequests(id);
            if (revoked.contains(id)) {
                assertEquals(before.get(id), now, "a revoked connection gets no traffic");
            } else {
                assertTrue(now > before.get(id), "the others are refreshed");
            }
        }

        String offline = ids.get(5);
        sandbox.control(printerOf.get(offline), "{\"online\": false}");
        try {
            Fleets.refreshAll(service);
            assertTrue(
                    events.snapshotChanges(offline).stream()
                            .anyMatch(c -> c.current().state() == ConnectionState.PRINTER_OFFLINE
                                    && c.previous()
                                            .map(p -> p.state() == ConnectionState.ONLINE)
                                            .orElse(false)),
                    "an ONLINE -> PRINTER_OFFLINE change was published: " + events.snapshotChanges(offline));
            PrinterView down = service.fleet().stream()
                    .filter(p -> p.connectionId().equals(offline))
                    .findFirst()
                    .orElseThrow();
            assertEquals(
                    601, down.lastError().orElseThrow().octoEverywhereCode().getAsInt());
            assertTrue(down.lastError().orElseThrow().printerStatus().isEmpty());
        } finally {
            sandbox.restore(printerOf.get(offline));
        }
    }
}
