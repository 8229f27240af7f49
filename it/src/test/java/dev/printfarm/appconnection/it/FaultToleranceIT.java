package dev.printfarm.appconnection.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.printfarm.appconnection.api.AppConnectionService;
import dev.printfarm.appconnection.api.PortalRequest;
import dev.printfarm.appconnection.api.error.AppConnectionException;
import dev.printfarm.appconnection.api.error.OctoEverywhereException;
import dev.printfarm.appconnection.api.error.PrinterUnreachableException;
import dev.printfarm.appconnection.api.error.RelayBusyException;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.OperateOnDeployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The policies that MicroProfile Fault Tolerance carries (docs/fault-tolerance.md), on Liberty against the sandbox:
 * the App API's retry and breaker ({@code AppApiCalls.call}) and the relay's bulkhead ({@code RelayGate.inFlight}),
 * each seen through FT's own {@code ft_*} series at {@code /metrics} next to the module's {@code appconnection_*}.
 *
 * <p>FT keeps a breaker's state per method for the whole application, so the methods run in order: the retry (one
 * failure in the breaker's window) and the bulkhead first, the App API outage that opens the breaker (for 30 s) last.
 * Counters are compared before and after, since FT's series live in the server's base scope.
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultToleranceIT {

    private static final String APP_API = "method=\"dev.printfarm.appconnection.impl.appapi.AppApiCalls.call\"";
    private static final String IN_FLIGHT = "method=\"dev.printfarm.appconnection.impl.relay.RelayGate.inFlight\"";
    private static final String RELAYED = "method=\"dev.printfarm.appconnection.impl.relay.RelayGate.relayed\"";
    private static final int MAX_CONCURRENT = 2;

    @Deployment(name = "sandbox", testable = false, order = 1)
    static WebArchive sandbox() {
        return Deployments.sandbox();
    }

    @Deployment(name = "module", order = 2)
    static WebArchive module() {
        return Deployments.module(
                "module-ft-it",
                Map.of(
                        "appconnection.relay.max-concurrent", String.valueOf(MAX_CONCURRENT),
                        // Two unavailable attempts in a row open a printer's breaker: any App API failure that reached
                        // one
                        // during the outage would open it.
                        "appconnection.relay.breaker.failure-threshold", "2",
                        "appconnection.lan.enabled", "false"),
                FaultToleranceIT.class);
    }

    @Inject
    AppConnectionService service;

    private SandboxClient sandbox;

    @BeforeEach
    void sandboxOnThisServer() {
        sandbox = SandboxClient.onThisServer();
    }

    private String connect(int printer) {
        return PortalDriver.connect(
                service,
                PortalRequest.forOwner("ft-it"),
                sandbox.printers().getJsonObject(printer).getString("id"));
    }

    /** Every scope of the test server's {@code /metrics} (the sandbox runs on it). */
    private PrometheusText metrics() {
        return PrometheusText.all(sandbox.base());
    }

    private static void show(String when, PrometheusText metrics) {
        System.out.println("FaultToleranceIT, " + when + ":");
        metrics.samples("ft_").stream()
                .filter(l -> l.contains("AppApiCalls") || l.contains("RelayGate"))
                .forEach(l -> System.out.println("  " + l));
        metrics.samples("appconnection_breakers_open").forEach(l -> System.out.println("  " + l));
    }

    @Test
    @Order(1)
    @OperateOnDeployment("module")
    void anAppApiCallThatFailsOnceIsRetriedByFaultToleranceAndSucceeds() {
        String id = connect(0);
        double retriesBefore = metrics().sum("ft_retry_retries_total", APP_API);
        int failedBefore = sandbox.appApiFailed();

        sandbox.failAppApi("{\"failWith\": 500, \"times\": 1}");
        assertTrue(service.info(id).online(), "Info answered on FT's second attempt");

        assertEquals(failedBefore + 1, sandbox.appApiFailed(), "the first attempt met the failure");
        PrometheusText after = metrics();
        show("after one retried Info call", after);
        assertEquals(retriesBefore + 1, after.sum("ft_retry_retries_total", APP_API), "FT counted one retry");
    }

    @Test
    @Order(2)
    @OperateOnDeployment("module")
    void aFullRelayBulkheadRefusesTheThirdCallAndFaultToleranceCountsTheRejection() throws Exception {
        String printerId = sandbox.printers().getJsonObject(1).getString("id");
        String id = connect(1);
        double rejectedBefore = metrics().sum("ft_bulkhead_calls_total", IN_FLIGHT, "bulkheadResult=\"rejected\"");
        ExecutorService callers = Executors.newFixedThreadPool(MAX_CONCURRENT);
        try {
            sandbox.control(printerId, "{\"latencyMs\": 3000}");
            List<Future<?>> held = new ArrayList<>();
            for (int i = 0; i < MAX_CONCURRENT; i++) {
                held.add(callers.submit(() -> service.octoPrint(id).version()));
            }
            Await.until(
                    Duration.ofSeconds(5),
                    () -> sandbox.stats().getInt("inFlight") == MAX_CONCURRENT,
                    () -> "the slow printer never held " + MAX_CONCURRENT + " calls: " + sandbox.stats());

            RelayBusyException busy = assertThrows(
                    RelayBusyException.class, () -> service.octoPrint(id).version());
            assertTrue(busy.isTemporary());

            for (Future<?> call : held) {
                assertNotNull(call.get(10, TimeUnit.SECONDS), "the calls holding the bulkhead were answered");
            }
        } finally {
            sandbox.restore(printerId);
            callers.shutdownNow();
        }
        PrometheusText after = metrics();
        show("after the third call met a full bulkhead", after);
        assertEquals(
                rejectedBefore + 1,
                after.sum("ft_bulkhead_calls_total", IN_FLIGHT, "bulkheadResult=\"rejected\""),
                "FT counted the refused call");
    }

    @Test
    @Order(3)
    @OperateOnDeployment("module")
    void anAppApiOutageOpensOneBreakerAndNoPrintersBreaker() {
        String first = connect(0);
        String second = connect(2);
        assertEquals("1.10.3", service.octoPrint(first).version().server().orElseThrow());
        PrometheusText before = metrics();
        double openedBefore = before.sum("ft_circuitbreaker_opened_total", APP_API);
        double relayOpenedBefore = before.sum("ft_circuitbreaker_opened_total", RELAYED);
        try {
            // 600: OctoEverywhere's own "unknown server error", which a printer's breaker would also count as the
            // printer being unavailable, so an App API failure that reached a printer's breaker would open it.
            sandbox.failAppApi("{\"failWith\": 600}");
            AppConnectionException open = null;
            for (int call = 0; call < 10 && open == null; call++) {
                AppConnectionException failed = assertThrows(AppConnectionException.class, () -> service.info(first));
                assertTrue(failed.isTemporary(), failed.toString());
                if (failed.getMessage().contains("breaker is open")) {
                    // Nothing was sent, so nothing answered: no code, and the call could not reach the App API.
                    assertTrue(failed instanceof PrinterUnreachableException, failed.toString());
                    assertTrue(failed.octoEverywhereCode().isEmpty(), failed.toString());
                    open = failed;
                } else {
                    assertTrue(failed instanceof OctoEverywhereException, failed.toString());
                    assertEquals(600, failed.octoEverywhereCode().orElseThrow(), failed.toString());
                }
                for (String id : List.of(first, second)) {
                    assertEquals(
                            "1.10.3",
                            service.octoPrint(id).version().server().orElseThrow(),
                            "a printer's relayed call works while the App API fails");
                }
            }
            assertNotNull(open, "the App API's breaker never opened within 10 Info calls");
            System.out.println("FaultToleranceIT: the App API's breaker opened after " + sandbox.appApiFailed()
                    + " failed App API requests; Info said: " + open.getMessage());

            int sentWhileOpen = sandbox.appApiFailed();
            var refused = assertThrows(PrinterUnreachableException.class, () -> service.info(second));
            assertTrue(refused.isTemporary() && refused.getMessage().contains("breaker is open"), refused.toString());
            assertEquals(sentWhileOpen, sandbox.appApiFailed(), "an open breaker sends nothing");
            assertEquals("1.10.3", service.octoPrint(first).version().server().orElseThrow());
            assertEquals("1.10.3", service.octoPrint(second).version().server().orElseThrow());

            PrometheusText after = metrics();
            show("with the App API's breaker open", after);
            assertEquals(
                    openedBefore + 1,
                    after.sum("ft_circuitbreaker_opened_total", APP_API),
                    "the App API's breaker opened exactly once");
            assertEquals(0, after.value("appconnection_breakers_open"), "no printer's breaker opened");
            assertEquals(
                    relayOpenedBefore, after.sum("ft_circuitbreaker_opened_total", RELAYED), "nor the relay's breaker");
        } finally {
            sandbox.failAppApi("{\"failWith\": null}");
        }
    }

    @Test
    @Order(4)
    @OperateOnDeployment("module")
    void faultTolerancesOwnSeriesSitNextToTheModules() {
        PrometheusText all = metrics();
        show("the whole scrape's FT series", all);
        for (String series : List.of(
                "ft_invocations_total",
                "ft_retry_calls_total",
                "ft_retry_retries_total",
                "ft_circuitbreaker_calls_total",
                "ft_circuitbreaker_opened_total",
                // Liberty's Prometheus output names FT's ft.circuitbreaker.state.total with its unit.
                "ft_circuitbreaker_state_total_nanoseconds",
                "ft_bulkhead_calls_total",
                "ft_timeout_calls_total")) {
            assertTrue(
                    all.has(series, APP_API), series + " for the App API in\n" + String.join("\n", all.samples("ft_")));
        }
        assertTrue(all.has("ft_bulkhead_calls_total", IN_FLIGHT, "bulkheadResult=\"accepted\""), "relay bulkhead");
        assertTrue(all.has("ft_circuitbreaker_calls_total", RELAYED), "relay breaker");
        assertTrue(all.has("appconnection_breakers_open"), "the module's own gauge");
        assertTrue(all.has("appconnection_relay_calls_total"), "the module's own counter");
    }
}
