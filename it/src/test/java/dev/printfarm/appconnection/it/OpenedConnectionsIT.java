package dev.printfarm.appconnection.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.printfarm.appconnection.api.AppConnection;
import dev.printfarm.appconnection.api.AppConnectionService;
import dev.printfarm.appconnection.api.ConnectionState;
import dev.printfarm.appconnection.api.PortalRequest;
import dev.printfarm.appconnection.api.SecretRotation;
import dev.printfarm.appconnection.api.error.ConnectionGoneException;
import dev.printfarm.appconnection.api.error.UnknownConnectionException;
import dev.printfarm.appconnection.impl.store.OpenedConnections;
import dev.printfarm.appconnection.impl.store.SecretsUnreadableException;
import dev.printfarm.appconnection.impl.store.StoredConnection;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.OperateOnDeployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * An opened connection is kept in memory ({@code OpenedConnections}) and dropped at once when its row changes here
 * (revoke, delete, key rotation), and soon when it changes elsewhere: two applications of the module on the test server
 * share the store, as two servers would. A seals with key {@value #OLD_KEY}; B, the newer server, reads it and seals
 * with {@value #NEW_KEY}, so B's rotation leaves rows that A cannot open. Most tests run in A and drive B through
 * {@link OtherApplicationProbe}; the rotation runs in B. The keys are this class's own, so B's rotation touches no row
 * of another test class.
 */
@ExtendWith(ArquillianExtension.class)
@Tag("store")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OpenedConnectionsIT {

    private static final String OTHER_APP = "module-opened-b";
    private static final String OLD_KEY = "opened-1";
    private static final String NEW_KEY = "opened-2";
    /** The owner of the connections the rotation re-seals, so that B finds what A connected. */
    private static final String ROTATION_OWNER = "opened-it-rotation";
    /** OpenedConnections looks at the other servers' changes every second. */
    private static final Duration NOTICED_WITHIN = Duration.ofSeconds(2);

    @Deployment(name = "sandbox", testable = false, order = 1)
    static WebArchive sandbox() {
        return Deployments.sandbox();
    }

    @Deployment(name = "b", order = 2)
    static WebArchive otherApplication() {
        return Deployments.module(
                OTHER_APP,
                Map.of(
                        "appconnection.lan.enabled",
                        "false",
                        "appconnection.store.keys",
                        TestKeys.ring(OLD_KEY, NEW_KEY),
                        "appconnection.store.active-key",
                        NEW_KEY),
                OpenedConnectionsIT.class,
                OtherApplicationProbe.class);
    }

    @Deployment(name = "a", order = 3)
    static WebArchive thisApplication() {
        return Deployments.module(
                "module-opened-a",
                Map.of("appconnection.lan.enabled", "false", "appconnection.store.keys", TestKeys.ring(OLD_KEY)),
                OpenedConnectionsIT.class);
    }

    @Inject
    AppConnectionService service;

    @Inject
    OpenedConnections opened;

    private SandboxClient sandbox;

    @BeforeEach
    void sandboxOnThisServer() {
        sandbox = SandboxClient.onThisServer();
    }

    private String connect(int printer) {
        return connect(printer, "opened-it");
    }

    /** A new connection to sandbox printer {@code printer} (modulo the sandbox's printers: a printer may have several). */
    private String connect(int printer, String owner) {
        JsonArray printers = sandbox.printers();
        return PortalDriver.connect(
                service,
                PortalRequest.forOwner(owner),
                printers.getJsonObject(printer % printers.size()).getString("id"));
    }

    /** Opens the connection twice and checks that the second time costs no read: the same opened form comes back. */
    private StoredConnection openedAndKept(String id) {
        StoredConnection first = opened.find(id).orElseThrow();
        assertSame(first, opened.find(id).orElseThrow(), "the opened connection is kept in memory");
        return first;
    }

    /** What application B answers, in plain text. */
    private String otherApp(String method, String path) {
        try {
            HttpResponse<String> answer = HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .build()
                    .send(
                            HttpRequest.newBuilder(sandbox.base().resolve("/" + OTHER_APP + "/other-app/" + path))
                                    .timeout(Duration.ofSeconds(30))
                                    .method(method, HttpRequest.BodyPublishers.noBody())
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertEquals(200, answer.statusCode(), method + " " + path + ": " + answer.body());
            return answer.body();
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    @Test
    @Order(1)
    @OperateOnDeployment("a")
    void aConnectionRevokedThroughAnotherApplicationFailsHereWithoutARequest() {
        String id = connect(0);
        // The first answer marks the row ONLINE, a change that drops the opened form here too; the second call opens
        // it again and keeps it.
        assertEquals("1.10.3", service.octoPrint(id).version().server().orElseThrow());
        assertEquals("1.10.3", service.octoPrint(id).version().server().orElseThrow(), "A opened it and used it");
        int openedHere = opened.size();
        assertTrue(openedHere > 0, "A keeps the opened connection");

        sandbox.revoke(id);
        int beforeOther = sandbox.relayedRequests(id);
        assertEquals("ConnectionGoneException 604", otherApp("GET", "job/" + id), "B's call met the revocation");
        assertEquals(beforeOther + 1, sandbox.relayedRequests(id));
        assertEquals(
                ConnectionState.REVOKED, service.connection(id).orElseThrow().state(), "B marked the shared row");

        Await.until(
                NOTICED_WITHIN,
                () -> opened.size() < openedHere,
                () -> "A still holds the opened connection, " + opened.size() + " open");
        int beforeHere = sandbox.relayedRequests(id);
        ConnectionGoneException gone = assertThrows(
                ConnectionGoneException.class, () -> service.octoPrint(id).job());
        assertTrue(gone.octoEverywhereCode().isEmpty(), "refused here, nothing answered: " + gone.getMessage());
        assertEquals(
                beforeHere,
                sandbox.relayedRequests(id),
                "A knew from the store and sent nothing: " + gone.getMessage());
    }

    @Test
    @Order(2)
    @OperateOnDeployment("a")
    void aConnectionRemovedThroughAnotherApplicationIsSoonUnknownHere() {
        String id = connect(1);
        assertEquals("1.10.3", service.octoPrint(id).version().server().orElseThrow(), "A opened it and used it");

        assertEquals("true", otherApp("POST", "remove/" + id));

        // Opening a client sends nothing, so asking again costs no traffic.
        Await.until(
                NOTICED_WITHIN,
                () -> {
                    try {
                        service.octoPrint(id);
                        return false;
                    } catch (UnknownConnectionException e) {
                        return true;
                    }
                },
                () -> "A still opens the removed connection");
        assertThrows(
                UnknownConnectionException.class, () -> service.octoPrint(id).version());
    }

    /** A revocation this application meets itself drops the opened form at once: the next call sends nothing. */
    @Test
    @Order(3)
    @OperateOnDeployment("a")
    void aConnectionRevokedHereIsDroppedAtOnce() {
        String id = connect(2);
        assertEquals("1.10.3", service.octoPrint(id).version().server().orElseThrow());
        StoredConnection kept = openedAndKept(id);

        sandbox.revoke(id);
        int before = sandbox.relayedRequests(id);
        ConnectionGoneException met = assertThrows(
                ConnectionGoneException.class, () -> service.octoPrint(id).job());
        assertEquals(604, met.octoEverywhereCode().orElseThrow(), met.getMessage());
        assertEquals(before + 1, sandbox.relayedRequests(id), "the revocation was met on the relay");

        StoredConnection now = opened.find(id).orElseThrow();
        assertNotSame(kept, now, "the opened form from before the revocation was dropped");
        assertEquals(ConnectionState.REVOKED, now.connection().state());
        assertThrows(ConnectionGoneException.class, () -> service.octoPrint(id).job());
        assertEquals(before + 1, sandbox.relayedRequests(id), "nothing sent for a connection known revoked");
    }

    /** A connection deleted here is unknown at once, though it was opened and kept a moment before. */
    @Test
    @Order(4)
    @OperateOnDeployment("a")
    void aConnectionRemovedHereIsUnknownAtOnce() {
        String id = connect(3);
        assertEquals("1.10.3", service.octoPrint(id).version().server().orElseThrow());
        openedAndKept(id);

        assertTrue(service.remove(id));

        assertEquals(Optional.empty(), opened.find(id), "the opened form went with the row");
        assertThrows(UnknownConnectionException.class, () -> service.octoPrint(id));
    }

    /** A opens a connection sealed with the old key and keeps it; B re-seals it next (order 6), A notices (order 7). */
    @Test
    @Order(5)
    @OperateOnDeployment("a")
    void aKeepsAConnectionSealedWithTheOldKey() {
        String id = connect(4, ROTATION_OWNER);
        assertEquals("1.10.3", service.octoPrint(id).version().server().orElseThrow());
        assertEquals("1.10.3", service.octoPrint(id).version().server().orElseThrow());
        openedAndKept(id);
    }

    /** B opens and keeps the same connection, rotates the keys, and opens it again at once under the new key. */
    @Test
    @Order(6)
    @OperateOnDeployment("b")
    void aRotationHereDropsTheOpenedFormAtOnce() {
        String id = rotationConnection();
        assertEquals("1.10.3", service.octoPrint(id).version().server().orElseThrow(), "B reads the old key too");
        StoredConnection kept = openedAndKept(id);

        SecretRotation rotation = service.rotateSecrets();
        assertTrue(rotation.reencrypted() >= 1, rotation.toString());

        assertNotSame(kept, opened.find(id).orElseThrow(), "the opened form sealed with the old key was dropped");
        assertEquals("1.10.3", service.octoPrint(id).version().server().orElseThrow());
    }

    /** A held the connection opened; B's rotation sealed it with a key A lacks: A drops it and can no longer open it. */
    @Test
    @Order(7)
    @OperateOnDeployment("a")
    void aRotationByAnotherApplicationDropsTheOpenedFormHere() {
        String id = rotationConnection();
        Await.until(
                NOTICED_WITHIN,
                () -> {
                    try {
                        opened.find(id);
                        return false;
                    } catch (SecretsUnreadableException e) {
                        return true;
                    }
                },
                () -> "A still holds the connection B re-sealed with a key A does not have");
        assertThrows(SecretsUnreadableException.class, () -> service.octoPrint(id));
    }

    /** The newest connection of the rotation's owner: the one A made in this run (the store outlives runs). */
    private String rotationConnection() {
        List<AppConnection> connections = service.connections(ROTATION_OWNER);
        assertFalse(connections.isEmpty(), "A made a connection for the rotation");
        return connections.get(0).id();
    }
}
