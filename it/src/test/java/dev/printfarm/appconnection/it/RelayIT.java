package dev.printfarm.appconnection.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.printfarm.appconnection.api.AppConnection;
import dev.printfarm.appconnection.api.AppConnectionService;
import dev.printfarm.appconnection.api.ConnectionState;
import dev.printfarm.appconnection.api.PortalRequest;
import dev.printfarm.appconnection.api.PrinterDiscovery;
import dev.printfarm.appconnection.api.fleet.PrintJob;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Optional;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.OperateOnDeployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The module inside a bare application, against the sandbox on the same server: the portal flow end to
 * end, then relayed OctoPrint calls and OctoEverywhere's error codes. Runs inside Liberty.
 */
@ExtendWith(ArquillianExtension.class)
class RelayIT {

    @Deployment(name = "sandbox", testable = false, order = 1)
    static WebArchive sandbox() {
        return Deployments.sandbox();
    }

    @Deployment(name = "module", order = 2)
    static WebArchive module() {
        return Deployments.module(RelayIT.class);
    }

    @Inject
    AppConnectionService service;

    // JUnit creates the test instance on the client side too, so nothing here may need the server.
    private SandboxClient sandbox;
    private final PortalDriver browser = new PortalDriver();

    @BeforeEach
    void sandboxOnThisServer() {
        sandbox = SandboxClient.onThisServer();
    }

    /** Runs the whole portal flow for the sandbox printer at {@code index} and returns the stored connection. */
    private AppConnection connect(int index, String owner) {
        String printerId = sandbox.printers().getJsonObject(index).getString("id");
        URI portal = browser.start(service, PortalRequest.forOwner(owner).withOctoPrintApiKey("Relay IT"));
        assertTrue(portal.toString().startsWith(sandbox.base() + "appportal/v1/?"), portal.toString());
        URI callback = browser.authorize(portal, printerId);
        String connectionId = PortalDriver.query(callback).get("id");
        HttpResponse<String> landing = browser.get(callback);
        assertEquals(303, landing.statusCode(), landing.body());
        assertEquals(
                "http://localhost:" + callback.getPort() + "/" + Deployments.MODULE_APP + "/",
                landing.headers().firstValue("Location").orElseThrow());
        // Liberty adds no-cache=set-cookie: the answer also expires the flow's cookie.
        String cacheControl = landing.headers().firstValue("Cache-Control").orElseThrow();
        assertTrue(cacheControl.equals("no-store") || cacheControl.startsWith("no-store,"), cacheControl);
        assertEquals(
                "no-referrer", landing.headers().firstValue("Referrer-Policy").orElseThrow());
        return service.connection(connectionId).orElseThrow(() -> new AssertionError("not stored: " + connectionId));
    }

    @Test
    @OperateOnDeployment("module")
    void portalFlowStoresTheConnectionAndRelaysToTheEmulatedPrinter() {
        AppConnection connection = connect(0, "farm-relay-it");
        JsonObject printer = sandbox.printer(sandbox.connection(connection.id()).getString("printerId"));
        assertEquals(printer.getString("name"), connection.printerName());
        assertEquals("farm-relay-it", connection.owner());
        assertTrue(connection.hasOctoPrintApiKey());
        assertEquals(
                sandbox.connection(connection.id()).getString("url"),
                connection.relayUrl().toString());

        var octoPrint = service.octoPrint(connection.id());
        assertEquals("1.10.3", octoPrint.version().server().orElseThrow());
        PrintJob job = octoPrint.job();
        JsonObject sandboxJob = sandbox.printer(printer.getString("id")).getJsonObject("job");
        assertEquals(sandboxJob.getString("file"), job.file().orElseThrow());
        double sandboxProgress = sandboxJob.getJsonNumber("progress").doubleValue();
        assertTrue(
                Math.abs(sandboxProgress - job.progress().orElseThrow()) < 1.0,
                "progress " + job.progress() + " vs sandbox " + sandboxProgress);
        assertEquals(
                ConnectionState.ONLINE,
                service.connection(connection.id()).orElseThrow().state());
    }

    @Test
    @OperateOnDeployment("module")
    void wrongCredentialsAreRefusedByTheRelayWith606() {
        AppConnection connection = connect(2, "farm-creds-it");
        // The sandbox's own check, independent of failWith: a call without the connection's credentials.
        HttpResponse<String> anonymous = browser.get(URI.create(connection.relayUrl() + "/api/version"));
        assertEquals(606, anonymous.statusCode(), anonymous.body());
    }

    @Test
    @OperateOnDeployment("module")
    void printerIdIsDiscoveredOnTheLanAndAMissingPluginIsACleanOutcome() {
        JsonObject printer = sandbox.printers().getJsonObject(1);
        String printerId = printer.getString("id");
        URI lan = URI.create(printer.getString("lanUrl"));

        PrinterDiscovery found = service.discoverPrinter(lan, Optional.empty());
        assertEquals(PrinterDiscovery.Outcome.FOUND, found.outcome(), found.detail());
        assertEquals(printerId, found.printerId().orElseThrow());
        assertTrue(found.pluginVersion().isPresent());

        try {
            sandbox.control(printerId, "{\"plugin\": false}");
            PrinterDiscovery missing = service.discoverPrinter(lan, Optional.empty());
            assertEquals(PrinterDiscovery.Outcome.PLUGIN_MISSING, missing.outcome());
            assertTrue(missing.detail().contains("install"), missing.detail());
        } finally {
            sandbox.restore(printerId);
        }
        // A closed loopback port: nothing answers there.
        PrinterDiscovery nobody = service.discoverPrinter(URI.create("http://127.0.0.1:9"), Optional.empty());
        assertEquals(PrinterDiscovery.Outcome.UNREACHABLE, nobody.outcome(), nobody.detail());
        assertThrows(
                IllegalArgumentException.class,
                () -> service.discoverPrinter(URI.create("http://user:pw@127.0.0.1/"), Optional.empty()));
    }
}
