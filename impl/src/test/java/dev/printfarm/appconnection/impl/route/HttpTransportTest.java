package dev.printfarm.appconnection.impl.route;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.printfarm.appconnection.api.ConnectionRoute;
import dev.printfarm.appconnection.api.error.AnswerTooLargeException;
import dev.printfarm.appconnection.api.error.AppConnectionException;
import dev.printfarm.appconnection.api.error.PrinterUnreachableException;
import dev.printfarm.appconnection.impl.internal.BodyLimits;
import dev.printfarm.appconnection.impl.internal.BodyTooLargeException;
import dev.printfarm.appconnection.impl.internal.PlainModuleThreads;
import dev.printfarm.appconnection.impl.relay.RelaySettings;
import dev.printfarm.appconnection.impl.relay.RetryRules;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class HttpTransportTest {

    private final HttpTransport transport = new HttpTransport();
    private final Target relay =
            new Target("c1", ConnectionRoute.RELAY, URI.create("https://app-1.octoeverywhere.com"), Map.of());

    @Test
    void anOversizedAnswerFailsTheCallAsThePrintersFaultNotAnOutage() {
        AppConnectionException failure = transport.failure(
                relay, new IOException("wrapped by the HttpClient", new BodyTooLargeException(4194304, 200)));
        AnswerTooLargeException tooLarge = assertInstanceOf(AnswerTooLargeException.class, failure);
        assertEquals("The printer's answer is larger than 4194304 bytes", tooLarge.getMessage());
        assertEquals(200, tooLarge.printerStatus().orElseThrow());
        assertEquals(4194304, tooLarge.limitBytes());
        assertFalse(tooLarge.isTemporary(), "not retried");
        assertFalse(RetryRules.printerUnavailable(tooLarge), "the breaker counts it as an answer, not an outage");
        assertFalse(RouteTable.lanRouteFailed(tooLarge), "the LAN route stays");
    }

    @Test
    void anyOtherFailureOfTheExchangeIsUnreachable() {
        assertInstanceOf(PrinterUnreachableException.class, transport.failure(relay, new IOException("reset")));
    }

    @Test
    void anAsynchronousAnswerIsHandledOnTheModulesThreadsNotOnAThreadStartedForIt() throws Exception {
        String handledOn = handledOn(null);
        assertTrue(handledOn.startsWith("appconnection-io-") && handledOn.endsWith(" 200"), handledOn);
    }

    @Test
    void anAsynchronousAnswerCanBeHandedToTheCallersOwnExecutor() throws Exception {
        var own = java.util.concurrent.Executors.newSingleThreadExecutor(task -> new Thread(task, "the-callers-own"));
        try {
            String handledOn = handledOn(own);
            assertTrue(handledOn.equals("the-callers-own 200"), handledOn);
        } finally {
            own.shutdownNow();
        }
    }

    /**
     * Sends one request to a local printer that answers only once the caller's stage is chained (so that stage cannot
     * run on the caller's thread), and tells which thread ran that stage, with the status.
     */
    private static String handledOn(java.util.concurrent.Executor completeOn) throws Exception {
        CountDownLatch chained = new CountDownLatch(1);
        HttpServer printer = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        printer.createContext("/api/version", exchange -> {
            try {
                chained.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        printer.start();
        HttpTransport wired = new HttpTransport();
        wired.relay = new RelaySettings(
                Duration.ofSeconds(2),
                Duration.ofSeconds(5),
                3,
                Duration.ofMillis(100),
                Duration.ofSeconds(1),
                Duration.ofSeconds(5),
                8,
                5,
                Duration.ofSeconds(10),
                false,
                null);
        wired.limitSettings = new LimitSettings(new BodyLimits(65536, 4096, 65536));
        wired.threads = PlainModuleThreads.create();
        try {
            Target local = new Target(
                    "c1",
                    ConnectionRoute.RELAY,
                    URI.create("http://127.0.0.1:" + printer.getAddress().getPort()),
                    Map.of());
            var request = wired.request(local, "/api/version", Duration.ofSeconds(5))
                    .GET()
                    .build();
            var answer = completeOn == null
                    ? wired.sendAsync(local, request, wired.text())
                    : wired.sendAsync(local, request, wired.text(), completeOn);
            var handled = answer.thenApply(a -> Thread.currentThread().getName() + " " + a.statusCode());
            chained.countDown();
            return handled.get(10, TimeUnit.SECONDS);
        } finally {
            printer.stop(0);
            wired.threads.io().shutdownNow();
        }
    }
}
