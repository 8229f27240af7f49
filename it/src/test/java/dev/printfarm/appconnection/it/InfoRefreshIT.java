package dev.printfarm.appconnection.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.printfarm.appconnection.api.AppConnectionService;
import dev.printfarm.appconnection.api.ConnectionState;
import dev.printfarm.appconnection.api.PortalRequest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.OperateOnDeployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The background Info refresh, every 2 s here: it alone (no call from the application, nothing relayed) moves a
 * connection between ONLINE, PRINTER_OFFLINE, SUSPENDED and REVOKED as OctoEverywhere's answers change.
 */
@ExtendWith(ArquillianExtension.class)
class InfoRefreshIT {

    private static final Duration TWO_CYCLES_AND_SOME = Duration.ofSeconds(8);

    @Deployment(name = "sandbox", testable = false, order = 1)
    static WebArchive sandbox() {
        return Deployments.sandbox();
    }

    @Deployment(name = "module", order = 2)
    static WebArchive module() {
        return Deployments.module(
                "module-refresh-it", Map.of("appconnection.info.refresh-interval", "PT2S"), InfoRefreshIT.class);
    }

    @Inject
    AppConnectionService service;

    private ConnectionState state(String id) {
        return service.connection(id).orElseThrow().state();
    }

    private void awaitState(String id, ConnectionState wanted) {
        Await.until(TWO_CYCLES_AND_SOME, () -> state(id) == wanted, () -> "state " + state(id) + ", wanted " + wanted);
    }

    @Test
    @OperateOnDeployment("module")
    void theRefreshAloneFollowsOnlineOfflineSuspendedAndRevoked() {
        SandboxClient sandbox = SandboxClient.onThisServer();
        String printerId = sandbox.printers().getJsonObject(0).getString("id");
        String id = PortalDriver.connect(service, PortalRequest.forOwner("refresh-it"), printerId);
        // UNKNOWN until the refresh first asks; on a busy machine that can already have happened.
        ConnectionState first = state(id);
        assertTrue(first == ConnectionState.UNKNOWN || first == ConnectionState.ONLINE, "state " + first);
        try {
            awaitState(id, ConnectionState.ONLINE);

            sandbox.control(printerId, "{\"online\": false}");
            awaitState(id, ConnectionState.PRINTER_OFFLINE);
            sandbox.control(printerId, "{\"online\": true}");
            awaitState(id, ConnectionState.ONLINE);

            sandbox.control(printerId, "{\"supporter\": false}");
            awaitState(id, ConnectionState.SUSPENDED);
            sandbox.control(printerId, "{\"supporter\": true}");
            awaitState(id, ConnectionState.ONLINE);

            sandbox.revoke(id);
            awaitState(id, ConnectionState.REVOKED);
            assertEquals(0, sandbox.relayedRequests(id), "the refresh uses the Info API only, nothing is relayed");
        } finally {
            sandbox.control(printerId, "{\"online\": true, \"supporter\": true}");
        }
    }
}
