package dev.printfarm.appconnection.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.printfarm.appconnection.api.AppConnection;
import dev.printfarm.appconnection.api.AppConnectionService;
import dev.printfarm.appconnection.api.PortalRequest;
import dev.printfarm.appconnection.api.SecretRotation;
import dev.printfarm.appconnection.impl.store.ConnectionStore;
import dev.printfarm.appconnection.impl.store.SecretsUnreadableException;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.OperateOnDeployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Key rotation as an operator does it, with three applications sharing one store: one configured with
 * key A, one with A and B (B active), one with B only (A retired). A connection stored under A is
 * re-encrypted by the rotation and stays usable after A is gone.
 */
@ExtendWith(ArquillianExtension.class)
@Tag("store")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KeyRotationIT {

    private static final String OWNER = "rotation-it";

    @Deployment(name = "sandbox", testable = false, order = 1)
    static WebArchive sandbox() {
        return Deployments.sandbox();
    }

    @Deployment(name = "keyA", order = 2)
    static WebArchive keyA() {
        return Deployments.module(
                "module-key-a",
                Map.of("appconnection.store.keys", TestKeys.ring(TestKeys.ROTATION_A)),
                KeyRotationIT.class);
    }

    @Deployment(name = "keyAB", order = 3)
    static WebArchive keyAB() {
        return Deployments.module(
                "module-key-ab",
                Map.of(
                        "appconnection.store.keys",
                        TestKeys.ring(TestKeys.ROTATION_A, TestKeys.ROTATION_B),
                        "appconnection.store.active-key",
                        TestKeys.ROTATION_B),
                KeyRotationIT.class);
    }

    @Deployment(name = "keyB", order = 4)
    static WebArchive keyB() {
        return Deployments.module(
                "module-key-b",
                Map.of("appconnection.store.keys", TestKeys.ring(TestKeys.ROTATION_B)),
                KeyRotationIT.class);
    }

    @Inject
    AppConnectionService service;

    @Inject
    ConnectionStore store;

    /** The newest connection of this test's owner: the one the first step stored. */
    private AppConnection rotated() {
        return service.connections(OWNER).get(0);
    }

    @Test
    @Order(1)
    @OperateOnDeployment("keyA")
    void connectionStoredUnderKeyA() {
        var sandbox = SandboxClient.onThisServer();
        var browser = new PortalDriver();
        URI callback = browser.authorize(
                browser.start(service, PortalRequest.forOwner(OWNER).withOctoPrintApiKey("Rotation IT")),
                sandbox.printers().getJsonObject(0).getString("id"));
        assertEquals(303, browser.get(callback).statusCode());
        String id = PortalDriver.query(callback).get("id");
        assertEquals(id, rotated().id());
        assertEquals(TestKeys.ROTATION_A, store.keyIdOf(id).orElseThrow());
        assertEquals("1.10.3", service.octoPrint(id).version().server().orElseThrow());
    }

    @Test
    @Order(2)
    @OperateOnDeployment("keyB")
    void withoutKeyAItsRowsAreUnreadableBeforeTheRotation() {
        var e = assertThrows(
                SecretsUnreadableException.class,
                () -> service.octoPrint(rotated().id()));
        assertEquals(TestKeys.ROTATION_A, e.keyId());
        assertTrue(e.getMessage().contains("appconnection.store.keys"), e.getMessage());
    }

    @Test
    @Order(3)
    @OperateOnDeployment("keyAB")
    void rotationReencryptsUnderKeyB() {
        String id = rotated().id();
        SecretRotation result = service.rotateSecrets();
        assertTrue(result.reencrypted() >= 1, result.toString());
        assertEquals(TestKeys.ROTATION_B, store.keyIdOf(id).orElseThrow());
        assertEquals("1.10.3", service.octoPrint(id).version().server().orElseThrow());
        SecretRotation again = service.rotateSecrets();
        assertEquals(0, again.reencrypted(), "a second rotation has nothing left to do: " + again);
    }

    @Test
    @Order(4)
    @OperateOnDeployment("keyB")
    void keyACanBeRetired() {
        String id = rotated().id();
        assertEquals(TestKeys.ROTATION_B, store.keyIdOf(id).orElseThrow());
        assertEquals("1.10.3", service.octoPrint(id).version().server().orElseThrow());
    }
}
