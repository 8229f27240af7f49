package dev.printfarm.appconnection.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.printfarm.appconnection.api.AppConnectionService;
import dev.printfarm.appconnection.api.PortalRequest;
import dev.printfarm.appconnection.api.error.AppConnectionException;
import dev.printfarm.appconnection.api.error.PrinterUnreachableException;
import dev.printfarm.appconnection.impl.route.RestClients;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.OperateOnDeployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The module's one transport inside Liberty (issue 21): typed Rest Clients built once per interface and no
 * "Connection evictor" thread (a built client of Liberty's RESTEasy would own a connection pool with one), no retry
 * beneath the module's own policy, live threads that do not grow with connections, and kept-alive connections to the
 * relay host.
 */
@ExtendWith(ArquillianExtension.class)
class TransportIT {

    private static final int MAX_ATTEMPTS = 3;
    /** Connections made for the thread count: more than the margin, so a thread per connection shows. */
    private static final int MANY = 48;
    /** Issue 21: live threads stay within the idle baseline + 32. */
    private static final int THREAD_MARGIN = 32;

    private static final Duration SETTLE_WITHIN = Duration.ofSeconds(15);
    /** One kept-alive connection serves sequential calls; a second or third if the relay host closed one. */
    private static final int MAX_PORTS_FOR_SEQUENTIAL_CALLS = 3;

    @Deployment(name = "sandbox", testable = false, order = 1)
    static WebArchive sandbox() {
        return Deployments.sandbox();
    }

    @Deployment(name = "module", order = 2)
    static WebArchive module() {
        return Deployments.module(
                "module-transport-it",
                Map.of(
                        "appconnection.relay.retry.max-attempts", String.valueOf(MAX_ATTEMPTS),
                        "appconnection.relay.retry.initial-backoff", "PT0.05S",
                        "appconnection.relay.retry.max-backoff", "PT0.1S",
                        "appconnection.lan.enabled", "false"),
                TransportIT.class);
    }

    @Inject
    AppConnectionService service;

    @Inject
    RestClients restClients;

    private SandboxClient sandbox;

    @BeforeEach
    void sandboxOnThisServer() {
        sandbox = SandboxClient.onThisServer();
    }

    /** A new connection to sandbox printer {@code printer} (modulo the sandbox's printers: a printer may have several). */
    private String connect(int printer) {
        JsonArray printers = sandbox.printers();
        return PortalDriver.connect(
                service,
                PortalRequest.forOwner("transport-it"),
                printers.getJsonObject(printer % printers.size()).getString("id"));
    }

    /** Names of this JVM's threads that an Apache HttpClient pool starts, one per built client of Liberty's RESTEasy. */
    private static List<String> evictorThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .map(Thread::getName)
                .filter(name -> name.toLowerCase(Locale.ROOT).contains("connection evictor"))
                .toList();
    }

    private static int liveThreads() {
        return ManagementFactory.getThreadMXBean().getThreadCount();
    }

    @Test
    @OperateOnDeployment("module")
    void manyCallsForSeveralPrintersBuildOneClientPerInterface() {
        List<String> ids = IntStream.range(0, 3).mapToObj(this::connect).toList();
        int builtAtStart = restClients.built();
        int infoCallsAtStart =
                ids.stream().mapToInt(id -> sandbox.infoCalls(id).size()).sum();

        ids.forEach(service::info);
        ids.forEach(id -> service.octoPrint(id).version());
        int built = restClients.built();
        for (int call = 0; call < 20; call++) {
            assertTrue(service.info(ids.get(call % ids.size())).online());
            service.octoPrint(ids.get(call % ids.size())).job();
        }

        System.out.println(String.format(
                "TransportIT: Rest Clients built %d at the start, %d after the first Info"
                        + " and OctoPrint calls of each of 3 connections, %d after 20 more of each",
                builtAtStart, built, restClients.built()));
        assertEquals(
                infoCallsAtStart + 3 + 20,
                ids.stream().mapToInt(id -> sandbox.infoCalls(id).size()).sum(),
                "every Info call reached OctoEverywhere");
        assertTrue(
                built - builtAtStart <= 2,
                "the App API's and OctoPrint's clients at most were new: " + builtAtStart + " -> " + built);
        assertEquals(built, restClients.built(), "no client built per call or per printer");
    }

    /**
     * Issue 21: no thread named like "Connection evictor", once the App API and a printer were called. RESTEasy on
     * Liberty builds an Apache connection pool with such a thread for every Rest Client unless the client is given an
     * engine of its own; {@code RestClients} gives each a {@code NoSendingEngine}, since its requests go out on the
     * module's transport.
     */
    @Test
    @OperateOnDeployment("module")
    void noConnectionEvictorThread() {
        String id = connect(0);
        service.info(id);
        service.octoPrint(id).version();
        assertEquals(List.of(), evictorThreads(), "threads of a connection pool of their own in this JVM");
    }

    /**
     * Many connections, each called: the JVM's live threads stay within the idle baseline + {@value #THREAD_MARGIN}
     * (a thread per printer or per client would add {@value #MANY} here). The test's own browsers run in this JVM too
     * (an HttpClient each, with a selector thread until it is collected), so the count is taken after a collection.
     */
    @Test
    @OperateOnDeployment("module")
    void liveThreadsDoNotGrowWithConnections() throws Exception {
        ExecutorService browsers = Executors.newFixedThreadPool(4);
        try {
            // Warm up as the measurement will load the server: a few connections made and used the same way.
            useAll(connectAll(browsers, 0, 4));
            int baseline = settledThreads(Duration.ZERO);
            Map<String, Long> before = threadKinds();

            List<String> ids = connectAll(browsers, 4, MANY);
            useAll(ids);
            int after = settledThreads(SETTLE_WITHIN, baseline + THREAD_MARGIN);
            System.out.println("TransportIT: live threads " + baseline + " after 4 connections, " + after + " after "
                    + ids.size() + " more, each called twice; by kind " + before + " then " + threadKinds());
            assertEquals(MANY, ids.size());
            assertTrue(
                    after <= baseline + THREAD_MARGIN,
                    "live threads grew from " + baseline + " to " + after + " with " + MANY + " connections: " + before
                            + " -> " + threadKinds());
        } finally {
            browsers.shutdownNow();
        }
    }

    /** The live thread count once collected garbage let go of its threads (at once when {@code within} is zero). */
    private static int settledThreads(Duration within) {
        return settledThreads(within, Integer.MAX_VALUE);
    }

    /** Collects garbage until the live threads are at most {@code enough}, for at most {@code within}; the last count. */
    private static int settledThreads(Duration within, int enough) {
        long end = System.nanoTime() + within.toNanos();
        int count;
        do {
            System.gc();
            Await.during(Duration.ofMillis(500));
            count = liveThreads();
        } while (count > enough && System.nanoTime() < end);
        return count;
    }

    /** Live threads by name with digits left out ("HttpClient-#-Worker-#"), for the failure message. */
    private static Map<String, Long> threadKinds() {
        return Thread.getAllStackTraces().keySet().stream()
                .collect(Collectors.groupingBy(
                        t -> t.getName().replaceAll("[0-9]+", "#"), TreeMap::new, Collectors.counting()));
    }

    /** Connects sandbox printers {@code from}, {@code from + 1}, ... ({@code count} of them) through 4 browsers. */
    private List<String> connectAll(ExecutorService browsers, int from, int count) throws Exception {
        JsonArray printers = sandbox.printers();
        List<Future<String>> connected = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String printerId =
                    printers.getJsonObject((from + i) % printers.size()).getString("id");
            connected.add(browsers.submit(
                    () -> PortalDriver.connect(service, PortalRequest.forOwner("transport-it"), printerId)));
        }
        List<String> ids = new ArrayList<>();
        for (Future<String> id : connected) {
            ids.add(id.get(60, TimeUnit.SECONDS));
        }
        return ids;
    }

    private void useAll(List<String> ids) {
        for (int round = 0; round < 2; round++) {
            ids.forEach(id -> service.octoPrint(id).version());
        }
    }

    /**
     * Sequential relayed calls through several connections reuse the kept-alive connection to the relay host: the
     * sandbox sees them come from a port or two, not a port per call.
     */
    @Test
    @OperateOnDeployment("module")
    void relayedCallsReuseTheirConnectionToTheRelayHost() {
        List<String> ids = IntStream.range(3, 6).mapToObj(this::connect).toList();
        ids.forEach(id -> service.octoPrint(id).version());
        Map<Integer, Long> before = sandbox.clientPorts();
        int calls = 60;
        for (int call = 0; call < calls; call++) {
            service.octoPrint(ids.get(call % ids.size())).version();
        }
        Map<Integer, Long> after = sandbox.clientPorts();
        Map<Integer, Long> used = new TreeMap<>();
        after.forEach((port, count) -> {
            long more = count - before.getOrDefault(port, 0L);
            if (more > 0) {
                used.put(port, more);
            }
        });
        long requests = used.values().stream().mapToLong(Long::longValue).sum();
        System.out.println("TransportIT: " + calls + " relayed calls through " + ids.size()
                + " connections came from client ports " + used);
        assertTrue(requests >= calls, "the sandbox counted " + requests + " requests for " + calls + " calls");
        assertTrue(
                used.size() <= MAX_PORTS_FOR_SEQUENTIAL_CALLS,
                calls + " sequential calls used " + used.size() + " connections to the relay host: " + used);
    }

    /**
     * The relay accepts the connection and closes it before answering (OctoEverywhere restarting): the module's policy
     * allows {@value #MAX_ATTEMPTS} attempts of a read, so the relay must see {@value #MAX_ATTEMPTS} requests. The
     * module's own count of its attempts ({@code appconnection_relay_calls_total{outcome="unreachable"}}) tells its
     * policy apart from what the transport sent.
     */
    @Test
    @OperateOnDeployment("module")
    void aReadOnADeadRelaySendsExactlyTheConfiguredAttempts() {
        String id = connect(0);
        assertEquals("1.10.3", service.octoPrint(id).version().server().orElseThrow(), "a kept-alive connection first");
        double attemptsBefore = unreachableAttempts();
        Refused refused = duringAnOutage(
                "one read",
                () -> assertThrows(
                        PrinterUnreachableException.class,
                        () -> service.octoPrint(id).job()));
        double attempts = unreachableAttempts() - attemptsBefore;
        System.out.println("TransportIT: the module counted " + attempts + " attempts of that read");
        assertEquals(MAX_ATTEMPTS, attempts, "the module's own attempts");
        assertEquals(
                MAX_ATTEMPTS,
                refused.count(),
                "requests that reached the relay for one read of " + MAX_ATTEMPTS + " attempts:" + refused.requests());
    }

    private double unreachableAttempts() {
        return PrometheusText.of(sandbox.base())
                .sum("appconnection_relay_calls_total", "route=\"relay\"", "outcome=\"unreachable\"");
    }

    /** A command is never sent again when it may have reached the printer: once, whatever the transport. */
    @Test
    @OperateOnDeployment("module")
    void aCommandOnADeadRelayIsSentOnce() {
        String id = connect(1);
        assertEquals("1.10.3", service.octoPrint(id).version().server().orElseThrow(), "a kept-alive connection first");
        Refused refused = duringAnOutage(
                "one command",
                () -> assertThrows(
                        AppConnectionException.class,
                        () -> service.octoPrint(id).pausePrint()));
        assertEquals(1, refused.count(), "requests for one command:" + refused.requests());
    }

    /** What a relay outage refused: how many requests, and each on a line (time, method, path, client port). */
    private record Refused(int count, String requests) {}

    private Refused duringAnOutage(String what, Runnable call) {
        int refusedBefore = sandbox.refusedByOutage();
        int listedBefore = sandbox.outageRefusals().size();
        try {
            sandbox.outage(60);
            call.run();
        } finally {
            sandbox.outage(0);
        }
        int sent = sandbox.refusedByOutage() - refusedBefore;
        JsonArray refusals = sandbox.outageRefusals();
        StringBuilder lines = new StringBuilder();
        refusals.subList(listedBefore, refusals.size()).forEach(r -> {
            JsonObject request = r.asJsonObject();
            lines.append("\n  ")
                    .append(request.getString("time"))
                    .append(' ')
                    .append(request.getString("method"))
                    .append(' ')
                    .append(request.getString("path"))
                    .append(" from port ")
                    .append(request.getInt("clientPort"));
        });
        System.out.println(
                "TransportIT: " + what + " on a dead relay, " + sent + " requests reached the sandbox:" + lines);
        return new Refused(sent, lines.toString());
    }
}
