package dev.printfarm.appconnection.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.printfarm.appconnection.api.AppConnectionService;
import dev.printfarm.appconnection.api.ConnectionState;
import dev.printfarm.appconnection.api.PortalRequest;
import dev.printfarm.appconnection.api.appapi.GadgetStatus;
import dev.printfarm.appconnection.api.appapi.LiveLink;
import dev.printfarm.appconnection.api.appapi.LiveLinkOptions;
import dev.printfarm.appconnection.api.appapi.PrinterInfo;
import dev.printfarm.appconnection.api.error.AppApiResponseException;
import dev.printfarm.appconnection.api.error.AppConnectionException;
import dev.printfarm.appconnection.api.error.CommandOutcomeUnknownException;
import dev.printfarm.appconnection.api.error.ConnectionGoneException;
import dev.printfarm.appconnection.api.error.ConnectionSuspendedException;
import dev.printfarm.appconnection.api.error.NoActivePrintException;
import dev.printfarm.appconnection.api.error.OctoEverywhereException;
import dev.printfarm.appconnection.api.error.PrinterOfflineException;
import dev.printfarm.appconnection.api.error.RelayTimeoutException;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
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
        return PortalDriver.connect(service, PortalRequest.forOwner("appapis-it"), printerId);
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
        assertTrue(info.limits().maxUploadBytes().isPresent()
                && info.limits().maxDownloadBytes().isPresent());
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
            service.octoPrint(id).cancelPrint();
        }
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (service.octoPrint(id).printer().printing() && Instant.now().isBefore(deadline)) {
            pause();
        }
        NoActivePrintException none = assertThrows(
                NoActivePrintException.class,
                () -> service.createLiveLink(id, LiveLinkOptions.untilCurrentPrintEnds()));
        assertEquals(613, none.octoEverywhereCode().getAsInt());
        assertTrue(none.isTemporary());
    }

    @Test
    @OperateOnDeployment("module")
    void gadgetStatusIsTypedAndItsErrorsSurface() {
        SandboxClient sandbox = SandboxClient.onThisServer();
        String printerId = sandbox.printers().getJsonObject(2).getString("id");
        String id = connect(sandbox, printerId);
        try {
            sandbox.printerResource(
                    printerId,
                    "gadget",
                    "{\"state\": 4, \"status\": \"Paused: spaghetti\", \"color\": \"r\", \"rating\": 1}");
            GadgetStatus paused = service.gadgetStatus(id);
            assertEquals(GadgetStatus.State.PAUSED_DUE_TO_FAILURE, paused.state());
            assertEquals(GadgetStatus.Color.RED, paused.color());
            assertEquals("failure", paused.meaning().orElseThrow());
            assertEquals("Paused: spaghetti", paused.status().orElseThrow());

            sandbox.printerResource(printerId, "gadget", "{\"failWith\": 610}");
            OctoEverywhereException update =
                    assertThrows(OctoEverywhereException.class, () -> service.gadgetStatus(id));
            assertEquals(610, update.octoEverywhereCode().getAsInt());
        } finally {
            sandbox.printerResource(printerId, "gadget", null);
        }
    }

    /** The OctoEverywhere status behind a failure: its own, or its cause's when the outcome of a command is unknown. */
    private static int statusOf(AppConnectionException e) {
        AppConnectionException root =
                e instanceof CommandOutcomeUnknownException && e.getCause() instanceof AppConnectionException c ? c : e;
        return root.octoEverywhereCode().orElse(-1);
    }

    private static <T extends AppConnectionException> void expect(Class<T> type, int code, Runnable call) {
        AppConnectionException failure = assertThrows(AppConnectionException.class, call::run);
        assertTrue(
                type.isInstance(failure)
                        || (failure instanceof CommandOutcomeUnknownException && type.isInstance(failure.getCause())),
                code + " gave " + failure);
        assertEquals(code, statusOf(failure), failure.toString());
    }

    @Test
    @OperateOnDeployment("module")
    void everyDocumentedErrorOfEachAppApiHasItsType() {
        SandboxClient sandbox = SandboxClient.onThisServer();
        String printerId = sandbox.printers().getJsonObject(0).getString("id");
        Map<Integer, Class<? extends AppConnectionException>> printerCodes = Map.of(
                600,
                OctoEverywhereException.class,
                601,
                PrinterOfflineException.class,
                602,
                RelayTimeoutException.class,
                603,
                ConnectionGoneException.class,
                604,
                ConnectionGoneException.class,
                605,
                ConnectionSuspendedException.class);
        try {
            for (var entry : new TreeMap<>(printerCodes).entrySet()) {
                int code = entry.getKey();
                // A fresh connection per code: 603/604 end a connection, 600-602 count against its breaker.
                String forInfo = connect(sandbox, printerId);
                String forLive = connect(sandbox, printerId);
                sandbox.control(printerId, "{\"failWith\": " + code + "}");
                expect(entry.getValue(), code, () -> service.info(forInfo));
                expect(
                        entry.getValue(),
                        code,
                        () -> service.createLiveLink(forLive, LiveLinkOptions.expiringAfterHours(1)));
                sandbox.control(printerId, "{\"failWith\": null}");
            }
            for (int code : new int[] {500, 601, 602, 610, 611}) {
                String forGadget = connect(sandbox, printerId);
                sandbox.printerResource(printerId, "gadget", "{\"failWith\": " + code + "}");
                if (code == 500) {
                    // OctoEverywhere's own HTTP error, not one of its codes: the App API's status, no invented code.
                    AppApiResponseException failure =
                            assertThrows(AppApiResponseException.class, () -> service.gadgetStatus(forGadget));
                    assertEquals(500, failure.httpStatus());
                    assertTrue(failure.octoEverywhereCode().isEmpty() && failure.isTemporary(), failure.toString());
                    continue;
                }
                Class<? extends AppConnectionException> type = code == 601
                        ? PrinterOfflineException.class
                        : code == 602 ? RelayTimeoutException.class : OctoEverywhereException.class;
                expect(type, code, () -> service.gadgetStatus(forGadget));
            }
            sandbox.printerResource(printerId, "gadget", null);

            String revoked = connect(sandbox, printerId);
            sandbox.revoke(revoked);
            expect(ConnectionGoneException.class, 604, () -> service.gadgetStatus(revoked));
            assertEquals(
                    ConnectionState.REVOKED,
                    service.connection(revoked).orElseThrow().state());

            // OctoEverywhere forgot every connection: 603 from each API.
            String forgotten = connect(sandbox, printerId);
            String forgottenLive = connect(sandbox, printerId);
            String forgottenGadget = connect(sandbox, printerId);
            sandbox.reset();
            expect(ConnectionGoneException.class, 603, () -> service.info(forgotten));
            expect(
                    ConnectionGoneException.class,
                    603,
                    () -> service.createLiveLink(forgottenLive, LiveLinkOptions.expiringAfterHours(1)));
            expect(ConnectionGoneException.class, 603, () -> service.gadgetStatus(forgottenGadget));
        } finally {
            sandbox.control(printerId, "{\"failWith\": null}");
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
