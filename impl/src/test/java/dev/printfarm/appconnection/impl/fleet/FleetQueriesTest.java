package dev.printfarm.appconnection.impl.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.printfarm.appconnection.api.ConnectionRoute;
import dev.printfarm.appconnection.api.PrinterPlatform;
import dev.printfarm.appconnection.api.error.AnswerTooLargeException;
import dev.printfarm.appconnection.impl.internal.BodyLimits;
import dev.printfarm.appconnection.impl.route.HttpTransport;
import dev.printfarm.appconnection.impl.route.Target;
import dev.printfarm.appconnection.impl.route.Transports;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The fleet's requests against a local printer, on a transport outside a server. */
class FleetQueriesTest {

    /** The transport's own cap on JSON answers: 64 KiB. */
    private static final long GENERAL_CAP = 64 * 1024;

    private final AtomicInteger jobReads = new AtomicInteger();
    private HttpServer printer;
    private HttpTransport transport;
    private FleetQueries queries;
    private Target target;

    @BeforeEach
    void printerWithALongStatus() throws Exception {
        // A valid /api/printer answer of about 40 KiB: under the general cap, over a fleet cap of 32 KiB.
        byte[] status = ("{\"state\":{\"text\":\"Operational\",\"flags\":{\"operational\":true}},"
                        + "\"temperature\":{\"tool0\":{\"actual\":21.5,\"target\":0}},\"padding\":\""
                        + "x".repeat(40 * 1024) + "\"}")
                .getBytes(StandardCharsets.UTF_8);
        byte[] job =
                "{\"job\":{\"file\":{}},\"progress\":{},\"state\":\"Operational\"}".getBytes(StandardCharsets.UTF_8);
        printer = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        printer.createContext("/api/printer", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, status.length);
            exchange.getResponseBody().write(status);
            exchange.close();
        });
        printer.createContext("/api/job", exchange -> {
            jobReads.incrementAndGet();
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, job.length);
            exchange.getResponseBody().write(job);
            exchange.close();
        });
        printer.start();
        transport = Transports.wired(new BodyLimits(GENERAL_CAP, 4096, 65536));
        queries = new FleetQueries();
        queries.transport = transport;
        target = new Target(
                "c1",
                ConnectionRoute.RELAY,
                URI.create("http://127.0.0.1:" + printer.getAddress().getPort()),
                Map.of());
    }

    @AfterEach
    void stop() {
        Transports.close(transport);
        printer.stop(0);
    }

    private CompletableFuture<FleetQueries.Answer> ask(long answerBytes) {
        return queries.ask(
                PrinterPlatform.OCTOPRINT,
                null,
                target,
                Optional.empty(),
                false,
                new FleetQueries.Context(Runnable::run, Duration.ofSeconds(5), queries.answers(answerBytes)));
    }

    @Test
    void aRefreshReadsNoAnswerOverTheFleetsCapThoughTheGeneralCapWouldAllowIt() {
        ExecutionException failed =
                assertThrows(ExecutionException.class, () -> ask(32 * 1024).get(10, TimeUnit.SECONDS));
        AnswerTooLargeException tooLarge =
                assertInstanceOf(AnswerTooLargeException.class, queries.unwrap(target, failed.getCause()));
        assertEquals(32 * 1024, tooLarge.limitBytes());
        assertEquals(0, jobReads.get(), "the refresh ended with the status it could not read");
    }

    @Test
    void aFleetCapAboveTheGeneralOneDoesNotRaiseIt() {
        Transports.close(transport);
        transport = Transports.wired(new BodyLimits(32 * 1024, 4096, 65536));
        queries.transport = transport;
        ExecutionException failed =
                assertThrows(ExecutionException.class, () -> ask(1024 * 1024).get(10, TimeUnit.SECONDS));
        AnswerTooLargeException tooLarge =
                assertInstanceOf(AnswerTooLargeException.class, queries.unwrap(target, failed.getCause()));
        assertEquals(32 * 1024, tooLarge.limitBytes(), "the general cap");
    }

    @Test
    void aStatusUnderTheFleetsCapIsRead() throws Exception {
        FleetQueries.Answer answer = ask(GENERAL_CAP).get(10, TimeUnit.SECONDS);
        assertEquals(Optional.of("Operational"), answer.statusText());
        assertTrue(answer.asOctoPrint());
        assertEquals(1, jobReads.get(), "a first refresh reads the job too");
    }
}
