package dev.printfarm.appconnection.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.printfarm.appconnection.api.AppConnectionService;
import dev.printfarm.appconnection.api.GadgetStatus;
import dev.printfarm.appconnection.api.LiveLink;
import dev.printfarm.appconnection.api.LiveLinkOptions;
import dev.printfarm.appconnection.api.NoActivePrintException;
import dev.printfarm.appconnection.api.OctoEverywhereException;
import dev.printfarm.appconnection.api.PortalRequest;
import dev.printfarm.appconnection.api.PrinterInfo;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.OperateOnDeployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** OctoEverywhere's App APIs (Info, Live Links, Gadget) against the sandbox. Runs inside Liberty. */
@ExtendWith(ArquillianExtension.class)
class AppApisIT {

    @Deployment(name = "sandbox", testable = false, order = 1)
    static WebArchive sandbox() {
        return Deployments.sandbox();
    }

    @Deployment(name = "module", order = 2)
    static WebArchive module() {
        return Deployments.module("module-appapis-it", java.util.Map.of(), AppApisIT.class);
    }

    @Inject
    AppConnectionService service;

    private String connect(SandboxClient sandbox, String printerId) {
        PortalDriver browser = new PortalDriver();
        URI callback = browser.authorize(service.portalUrl(PortalRequest.forOwner("appapis-it")), printerId);
        assertEquals(303, browser.get(callback).statusCode());
        return PortalDriver.query(callback).get("id");
    }

    @Test
    @OperateOnDeployment("module")
    void infoTellsNameAddressOnlineAndLimits() {
        SandboxClient sandbox = SandboxClient.onThisServer();
        JsonObject printer = sandbox.printers().getJsonObject(0).asJsonObject();
        String id = connect(sandbox, printer.getString("id"));
        PrinterInfo info = service.info(id);
        assertEquals(printer.getString("name"), info.printerName().orElseThrow());
        assertEquals(printer.getString("lanIp"), info.localIp().orElseThrow());
        assertTrue(info.online());
        assertTrue(info.limits().maxUploadBytes().isPresent() && info.limits().maxDownloadBytes().isPresent());
        assertTrue(info.lastConnected().isPresent());
    }

    @Test
    @OperateOnDeployment("module")
    void liveLinksAreCreatedAnd613HasItsOwnException() {
        SandboxClient sandbox = SandboxClient.onThisServer();
        String printerId = sandbox.printers().getJsonObject(1).getString("id");
        String id = connect(sandbox, printerId);
        LiveLink link = service.createLiveLink(id, LiveLinkOptions.expiringAfterHours(48));
        assertTrue(link.url().toString().startsWith("http"), link.toString());
        assertTrue(!link.liveId().isBlank());
        assertThrows(IllegalArgumentException.class, () -> LiveLinkOptions.expiringAfterHours(17_521));

        if (service.octoPrint(id).printer().printing()) {
            service.octoPrint(id).cancelJob();
        }
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (service.octoPrint(id).printer().printing() && Instant.now().isBefore(deadline)) {
            pause();
        }
        NoActivePrintException none = assertThrows(NoActivePrintException.class,
                () -> service.createLiveLink(id, LiveLinkOptions.untilCurrentPrintEnds()));
        assertEquals(613, none.code());
        assertTrue(none.isTemporary());
    }

    @Test
    @OperateOnDeployment("module")
    void gadgetStatusIsTypedAndItsErrorsSurface() {
        SandboxClient sandbox = SandboxClient.onThisServer();
        String printerId = sandbox.printers().getJsonObject(2).getString("id");
        String id = connect(sandbox, printerId);
        try {
            sandbox.printerResource(printerId, "gadget", "{\"state\": 4, \"status\": \"Paused: spaghetti\", \"color\": \"r\", \"rating\": 1}");
            GadgetStatus paused = service.gadgetStatus(id);
            assertEquals(GadgetStatus.State.PAUSED_DUE_TO_FAILURE, paused.state());
            assertEquals(GadgetStatus.Color.RED, paused.color());
            assertEquals("failure", paused.meaning().orElseThrow());
            assertEquals("Paused: spaghetti", paused.status().orElseThrow());

            sandbox.printerResource(printerId, "gadget", "{\"failWith\": 610}");
            OctoEverywhereException update = assertThrows(OctoEverywhereException.class, () -> service.gadgetStatus(id));
            assertEquals(610, update.code());
        } finally {
            sandbox.printerResource(printerId, "gadget", null);
        }
    }

    private static void pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
