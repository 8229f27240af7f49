package dev.printfarm.appconnection.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.printfarm.appconnection.api.AppConnectionService;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.OperateOnDeployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The fleet monitor's slow lane, wired from {@code appconnection.fleet.slow-refreshes}: with one refresh in flight at
 * a time and a slow lane of one, a refresh of a printer that hangs gives its place to the next one, and no more than
 * that one goes beside the bound.
 */
@ExtendWith(ArquillianExtension.class)
class FleetSlowLaneIT {

    private static final int PRINTERS = 5;

    @Deployment(name = "sandbox", testable = false, order = 1)
    static WebArchive sandbox() {
        return Deployments.sandbox(Map.of("sandbox.printers", String.valueOf(PRINTERS), "sandbox.latency-ms", "100"));
    }

    @Deployment(name = "module", order = 2)
    static WebArchive module() {
        return Deployments.module(
                "module-fleet-slow-it",
                Map.of(
                        // Long enough that only refreshFleet() asks the printers during the test.
                        "appconnection.fleet.cycle",
                        "PT1H",
                        "appconnection.fleet.concurrency",
                        "1",
                        "appconnection.fleet.slow-refreshes",
                        "1"),
                FleetSlowLaneIT.class);
    }

    @Inject
    AppConnectionService service;

    @Test
    @OperateOnDeployment("module")
    void aRefreshThatHangsGivesItsPlaceToTheNextOneAndNoMoreThanTheLaneGoBesideTheBound() {
        SandboxClient sandbox = SandboxClient.onThisServer();
        List<String> printerIds = List.copyOf(
                Fleets.connectFirst(service, sandbox, PRINTERS, "slow-lane-it").values());
        // 20 refreshes that answer after 100 ms: the monitor learns what a typical refresh takes (it needs 16).
        for (int i = 0; i < 4; i++) {
            Fleets.refreshAll(service);
        }

        // Two printers answer after 3 s, far beyond three typical refreshes. Whichever of them starts first gives its
        // place away, so the other one is started beside it: two in flight. The lane holds one, so never three.
        List<String> hanging = printerIds.subList(0, 2);
        hanging.forEach(p -> sandbox.control(p, "{\"latencyMs\": 3000}"));
        try {
            sandbox.resetPeak();
            Fleets.refreshAll(service);
            assertEquals(
                    2,
                    sandbox.peakInFlight(),
                    "requests in flight at most: the bound (1) plus the slow lane (1), and the lane was used");
        } finally {
            hanging.forEach(sandbox::restore);
        }
    }
}
