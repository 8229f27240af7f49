package dev.printfarm.appconnection.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.printfarm.appconnection.api.AppConnectionService;
import dev.printfarm.appconnection.api.CircuitState;
import dev.printfarm.appconnection.api.ConnectionState;
import dev.printfarm.appconnection.api.PortalRequest;
import dev.printfarm.appconnection.api.error.AppConnectionException;
import dev.printfarm.appconnection.api.error.CommandOutcomeUnknownException;
import dev.printfarm.appconnection.api.error.ConnectionGoneException;
import dev.printfarm.appconnection.api.error.ConnectionSuspendedException;
import dev.printfarm.appconnection.api.error.InvalidCredentialsException;
import dev.printfarm.appconnection.api.error.NoActivePrintException;
import dev.printfarm.appconnection.api.error.OctoEverywhereException;
import dev.printfarm.appconnection.api.error.PrinterCircuitOpenException;
import dev.printfarm.appconnection.api.error.PrinterOfflineException;
import dev.printfarm.appconnection.api.error.PrinterResponseException;
import dev.printfarm.appconnection.api.error.RelayBusyException;
import dev.printfarm.appconnection.api.error.RelayTimeoutException;
import dev.printfarm.appconnection.api.error.TransferLimitException;
import dev.printfarm.appconnection.api.error.WebcamLimitException;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.OperateOnDeployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * OctoEverywhere's status codes through the real relay path: each code's exception type and connection
 * state; retries counted by the sandbox (none after a permanent failure, a bounded number for transient
 * unavailability); no traffic for connections known dead; the per-printer circuit breaker.
 */
@ExtendWith(ArquillianExtension.class)
class RelayFaultsIT {

    private static final int MAX_ATTEMPTS = 3;

    @Deployment(name = "sandbox", testable = false, order = 1)
    static WebArchive sandbox() {
        return Deployments.sandbox();
    }

    @Deployment(name = "module", order = 2)
    static WebArchive module() {
        return Deployments.module(
                "module-faults-it",
                Map.of(
                        "appconnection.relay.retry.max-attempts", String.valueOf(MAX_ATTEMPTS),
                        "appconnection.relay.retry.initial-backoff", "PT0.02S",
                        "appconnection.relay.retry.max-backoff", "PT0.1S",
                        "appconnection.relay.breaker.failure-threshold", "4",
                        "appconnection.relay.breaker.open-duration", "PT1S",
                        "appconnection.relay.max-concurrent", "2"),
                RelayFaultsIT.class);
    }

    @Inject
    AppConnectionService service;

    private SandboxClient sandbox;
    private final PortalDriver browser = new PortalDriver();

    @BeforeEach
    void sandboxOnThisServer() {
        sandbox = SandboxClient.onThisServer();
    }

    private String printer(int index) {
        return sandbox.printers().getJsonObject(index).getString("id");
    }

    private String connect(String printerId) {
        URI callback = browser.authorize(
                browser.start(service, PortalRequest.forOwner("faults-it").withOctoPrintApiKey("Faults IT")),
                printerId);
        assertEquals(303, browser.get(callback).statusCode());
        return PortalDriver.query(callback).get("id");
    }

    private ConnectionState state(String id) {
        return service.connection(id).orElseThrow().state();
    }

    @Test
    @OperateOnDeployment("module")
    void everyCodeHasItsTypeStateAndRetryCount() {
        record Expected(Class<? extends AppConnectionException> type, ConnectionState state, int requests) {}
        Map<Integer, Expected> expected = new LinkedHashMap<>();
        expected.put(600, new Expected(OctoEverywhereException.class, ConnectionState.UNKNOWN, MAX_ATTEMPTS));
        expected.put(601, new Expected(PrinterOfflineException.class, ConnectionState.PRINTER_OFFLINE, MAX_ATTEMPTS));
        expected.put(602, new Expected(RelayTimeoutException.class, ConnectionState.PRINTER_OFFLINE, MAX_ATTEMPTS));
        expected.put(603, new Expected(ConnectionGoneException.class, ConnectionState.REVOKED, 1));
        expected.put(604, new Expected(ConnectionGoneException.class, ConnectionState.REVOKED, 1));
        expected.put(605, new Expected(ConnectionSuspendedException.class, ConnectionState.SUSPENDED, 1));
        expected.put(606, new Expected(InvalidCredentialsException.class, ConnectionState.INVALID_CREDENTIALS, 1));
        expected.put(607, new Expected(TransferLimitException.class, ConnectionState.UNKNOWN, 1));
        expected.put(608, new Expected(TransferLimitException.class, ConnectionState.UNKNOWN, 1));
        expected.put(609, new Expected(WebcamLimitException.class, ConnectionState.UNKNOWN, 1));
        expected.put(613, new Expected(NoActivePrintException.class, ConnectionState.UNKNOWN, 1));
        for (int code : new int[] {610, 611, 612, 650}) {
            expected.put(code, new Expected(OctoEverywhereException.class, ConnectionState.UNKNOWN, 1));
        }
        String printerId = printer(2);
        try {
            for (Map.Entry<Integer, Expected> e : expected.entrySet()) {
                int code = e.getKey();
                String id = connect(printerId);
                sandbox.control(printerId, "{\"failWith\": " + code + "}");
                AppConnectionException failure = assertThrows(
                        AppConnectionException.class,
                        () -> service.octoPrint(id).job(),
                        "code " + code);
                assertEquals(e.getValue().type(), failure.getClass(), "code " + code);
                assertEquals(code, failure.octoEverywhereCode().orElseThrow(), "code " + code);
                assertTrue(failure.printerStatus().isEmpty(), "code " + code);
                assertEquals(id, failure.connectionId().orElseThrow());
                assertEquals(e.getValue().state(), state(id), "state after " + code);
                assertEquals(e.getValue().requests(), sandbox.relayedRequests(id), "requests sent for " + code);
                if (failure instanceof ConnectionSuspendedException suspended) {
                    assertEquals(
                            URI.create(sandbox.base() + "appportal/v1/nosupporterperks?appid=it-app"),
                            suspended.supporterUrl());
                }
            }
        } finally {
            sandbox.restore(printerId);
        }
    }

    @Test
    @OperateOnDeployment("module")
    void connectionsKnownDeadCostNoTrafficEvenAfterThePrinterIsBack() {
        String printerId = printer(2);
        Map<Integer, Class<? extends AppConnectionException>> dead = Map.of(
                603,
                ConnectionGoneException.class,
                604,
                ConnectionGoneException.class,
                606,
                InvalidCredentialsException.class);
        for (var e : dead.entrySet()) {
            String id = connect(printerId);
            try {
                sandbox.control(printerId, "{\"failWith\": " + e.getKey() + "}");
                assertThrows(e.getValue(), () -> service.octoPrint(id).version());
            } finally {
                sandbox.restore(printerId);
            }
            var again = assertThrows(e.getValue(), () -> service.octoPrint(id).version());
            assertTrue(again.octoEverywhereCode().isEmpty(), "refused here, so no code: " + e.getKey());
            assertTrue(again.getMessage().contains(String.valueOf(e.getKey())), again.getMessage());
            assertEquals(1, sandbox.relayedRequests(id), "no request after " + e.getKey());
        }
    }

    @Test
    @OperateOnDeployment("module")
    void suspendedConnectionRecoversByItselfWhenSupportReturns() {
        String printerId = printer(0);
        String id = connect(printerId);
        try {
            sandbox.control(printerId, "{\"failWith\": 605}");
            assertThrows(
                    ConnectionSuspendedException.class,
                    () -> service.octoPrint(id).job());
            assertEquals(ConnectionState.SUSPENDED, state(id));
        } finally {
            sandbox.restore(printerId);
        }
        assertEquals("1.10.3", service.octoPrint(id).version().server().orElseThrow());
        assertEquals(ConnectionState.ONLINE, state(id));
    }

    @Test
    @OperateOnDeployment("module")
    void deadPrinterFailsFastOnceItsBreakerOpensWhileOthersWorkAndItRecovers() {
        String deadPrinter = printer(1);
        String dead = connect(deadPrinter);
        String healthy = connect(printer(0));
        try {
            sandbox.control(deadPrinter, "{\"online\": false}");
            assertThrows(
                    PrinterOfflineException.class, () -> service.octoPrint(dead).job());
            // The fourth failed attempt in a row opens the breaker during this call.
            assertThrows(
                    PrinterCircuitOpenException.class,
                    () -> service.octoPrint(dead).job());
            int sent = sandbox.relayedRequests(dead);
            assertEquals(4, sent);
            var open = assertThrows(
                    PrinterCircuitOpenException.class,
                    () -> service.octoPrint(dead).job());
            assertTrue(open.openUntil().isAfter(Instant.now()));
            assertTrue(
                    open.retryAfter().orElseThrow().toMillis() > 0,
                    open.retryAfter().toString());
            assertEquals(sent, sandbox.relayedRequests(dead), "an open breaker sends nothing");
            assertEquals(CircuitState.OPEN, service.circuit(dead));
            assertEquals(CircuitState.CLOSED, service.circuit(healthy));
            assertEquals(
                    "1.10.3", service.octoPrint(healthy).version().server().orElseThrow(), "other printers unaffected");
        } finally {
            sandbox.restore(deadPrinter);
        }
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (true) {
            try {
                assertEquals(
                        "1.10.3", service.octoPrint(dead).version().server().orElseThrow());
                assertEquals(CircuitState.CLOSED, service.circuit(dead), "the probe's success closed the breaker");
                break;
            } catch (PrinterCircuitOpenException stillOpen) {
                assertTrue(Instant.now().isBefore(deadline), "the breaker never let a probe through");
                pollPause();
            }
        }
        assertEquals(ConnectionState.ONLINE, state(dead));
    }

    private static void pollPause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    @Test
    @OperateOnDeployment("module")
    void saturatedServerRefusesFurtherRelayedCallsAtOnceInsteadOfQueueing() throws Exception {
        String slowPrinter = printer(0);
        String id = connect(slowPrinter);
        int callers = 6;
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        CountDownLatch start = new CountDownLatch(1);
        try {
            sandbox.control(slowPrinter, "{\"latencyMs\": 1500}");
            List<Future<Long>> refusals = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                refusals.add(pool.submit(() -> {
                    start.await();
                    long began = System.nanoTime();
                    try {
                        service.octoPrint(id).version();
                        return -1L;
                    } catch (RelayBusyException busy) {
                        return System.nanoTime() - began;
                    }
                }));
            }
            start.countDown();
            int served = 0;
            for (Future<Long> f : refusals) {
                long refusedAfter = f.get(30, TimeUnit.SECONDS);
                if (refusedAfter < 0) {
                    served++;
                } else {
                    assertTrue(
                            refusedAfter < TimeUnit.MILLISECONDS.toNanos(300),
                            "refused after " + TimeUnit.NANOSECONDS.toMillis(refusedAfter) + " ms");
                }
            }
            assertEquals(2, served, "the two permits were used and the rest refused");
            assertEquals(2, sandbox.relayedRequests(id), "refused calls send nothing");
        } finally {
            sandbox.restore(slowPrinter);
            pool.shutdownNow();
        }
    }

    @Test
    @OperateOnDeployment("module")
    void jobCommandsReachThePrinterExactlyOnceAndAConflictIsNotRetried() {
        String id = connect(printer(0));
        var octoPrint = service.octoPrint(id);
        assertEquals("Printing", octoPrint.job().statusText().orElseThrow());
        int before = sandbox.relayedRequests(id);
        octoPrint.pausePrint();
        assertEquals(before + 1, sandbox.relayedRequests(id));
        assertTrue(
                octoPrint.job().statusText().orElseThrow().startsWith("Paus"),
                octoPrint.job().toString());
        octoPrint.resumePrint();
        assertEquals("Printing", octoPrint.job().statusText().orElseThrow());

        int beforeConflict = sandbox.relayedRequests(id);
        var conflict = assertThrows(PrinterResponseException.class, octoPrint::startPrint, "start while printing");
        assertEquals(409, conflict.printerStatus().orElseThrow());
        assertEquals(beforeConflict + 1, sandbox.relayedRequests(id), "a 409 is the printer's answer: no retry");
        assertEquals(ConnectionState.ONLINE, state(id));
    }

    @Test
    @OperateOnDeployment("module")
    void commandAfterARelayTimeoutIsNotResentAndItsOutcomeIsUnknown() {
        String printerId = printer(0);
        String id = connect(printerId);
        try {
            sandbox.control(printerId, "{\"failWith\": 602}");
            var unknown = assertThrows(
                    CommandOutcomeUnknownException.class,
                    () -> service.octoPrint(id).pausePrint());
            assertEquals(RelayTimeoutException.class, unknown.getCause().getClass());
            assertEquals(1, sandbox.relayedRequests(id), "sent once, never again");
        } finally {
            sandbox.restore(printerId);
        }
    }

    @Test
    @OperateOnDeployment("module")
    void commandIsRetriedOnlyBecauseThePrinterWasOffline() {
        String printerId = printer(0);
        String id = connect(printerId);
        try {
            sandbox.control(printerId, "{\"failWith\": 601}");
            assertThrows(
                    PrinterOfflineException.class, () -> service.octoPrint(id).pausePrint());
            assertEquals(MAX_ATTEMPTS, sandbox.relayedRequests(id), "601: the command never reached the printer");
        } finally {
            sandbox.restore(printerId);
        }
    }
}
