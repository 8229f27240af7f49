package dev.printfarm.appconnection.impl.route;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.printfarm.appconnection.api.ConnectionRoute;
import dev.printfarm.appconnection.api.error.AnswerTooLargeException;
import dev.printfarm.appconnection.api.error.AppConnectionException;
import dev.printfarm.appconnection.api.error.PrinterUnreachableException;
import dev.printfarm.appconnection.impl.internal.BodyLimits;
import dev.printfarm.appconnection.impl.internal.BodyTooLargeException;
import dev.printfarm.appconnection.impl.relay.RetryRules;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.core5.util.TimeValue;
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
        HttpServer printer = printer("/api/version", exchange -> {
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
        HttpTransport wired = wired();
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
            wired.close();
            wired.threads.io().shutdownNow();
        }
    }

    /**
     * Stopping the application closes the transport without an error in the server's log: closed at once, the client's
     * I/O threads raced the closing and logged a {@code ClosedSelectorException} at error level on most stops.
     */
    @Test
    void closingTheTransportLogsNoError() throws Exception {
        Logger client = Logger.getLogger("org.apache.hc");
        List<LogRecord> errors = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
                    errors.add(record);
                }
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        client.addHandler(capture);
        HttpServer printer = printer("/api/version", exchange -> {
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        try {
            for (int stop = 0; stop < 5; stop++) {
                HttpTransport wired = wired();
                Target local = local(printer.getAddress().getPort());
                var request = wired.request(local, "/api/version", Duration.ofSeconds(5))
                        .GET()
                        .build();
                assertEquals(204, wired.send(local, request, wired.text()).statusCode());
                wired.close();
                wired.threads.io().shutdownNow();
            }
            // The I/O threads end after close() returns; give a late log line its chance.
            Thread.sleep(200);
            assertEquals(
                    List.of(),
                    errors.stream().map(r -> r.getLevel() + " " + r.getThrown()).toList());
        } finally {
            client.removeHandler(capture);
            printer.stop(0);
        }
    }

    /** A transport outside a server: 2-s connects, 5-s reads, answers capped at 64 KiB. */
    static HttpTransport wired() {
        return Transports.wired(new BodyLimits(65536, 4096, 65536));
    }

    /**
     * A printer on loopback that accepts connections, reads each request's head and hangs up without a byte of answer:
     * the JDK's own client sent such a read twice (once more beneath the module's policy); this transport sends it once.
     */
    @Test
    void aReadThatMeetsAClosedConnectionIsSentOnceNeverAgainBeneathTheModule() throws Exception {
        AtomicInteger requests = new AtomicInteger();
        try (ServerSocket printer = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            acceptAll(printer, socket -> {
                try (socket) {
                    readHead(socket.getInputStream());
                    requests.incrementAndGet();
                }
            });
            HttpTransport wired = wired();
            try {
                Target local = local(printer.getLocalPort());
                for (int read = 1; read <= 3; read++) {
                    var request = wired.request(local, "/api/printer", Duration.ofSeconds(5))
                            .GET()
                            .build();
                    AppConnectionException failure =
                            assertThrows(AppConnectionException.class, () -> wired.send(local, request, wired.text()));
                    assertInstanceOf(PrinterUnreachableException.class, failure);
                    assertEquals(read, requests.get(), "requests that reached the printer after " + read + " reads");
                }
            } finally {
                wired.close();
                wired.threads.io().shutdownNow();
            }
        }
    }

    /**
     * A printer that closes each kept-alive connection 5 ms after its answer, without saying so, read every 5 ms: the
     * client's next request meets the close at every stage. One it never started sending (the connection was closed
     * when its turn came) goes out again on a new connection; one that was sent is never sent again, and fails.
     */
    @Test
    void aRequestTheClientNeverStartedSendingGoesOutOnceMoreAndNoSentOneIsSentAgain() throws Exception {
        AtomicInteger requests = new AtomicInteger();
        try (ServerSocket printer = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            acceptAll(printer, socket -> {
                Thread answering = new Thread(() -> answerOnceThenCloseSoon(socket, requests));
                answering.setDaemon(true);
                answering.start();
            });
            HttpTransport wired = wired();
            Map<String, Integer> failures = new java.util.TreeMap<>();
            int answered = 0;
            int reads = 400;
            try {
                Target local = local(printer.getLocalPort());
                for (int read = 0; read < reads; read++) {
                    var request = wired.request(local, "/api/job", Duration.ofSeconds(5))
                            .GET()
                            .build();
                    try {
                        wired.sendAsync(local, request, wired.text()).get(10, TimeUnit.SECONDS);
                        answered++;
                    } catch (java.util.concurrent.ExecutionException e) {
                        failures.merge(e.getCause().getClass().getSimpleName(), 1, Integer::sum);
                    }
                    Thread.sleep(5);
                }
            } finally {
                wired.close();
                wired.threads.io().shutdownNow();
            }
            assertEquals(
                    0,
                    failures.getOrDefault("RequestNotExecutedException", 0),
                    answered + " answered, failures " + failures);
            assertEquals(answered, requests.get(), "every request the printer read was answered, none read twice");
        }
    }

    /** What a test printer does with each connection it accepts. */
    private interface Accepted {
        void handle(Socket socket) throws IOException;
    }

    /** Accepts the printer's connections on a daemon thread, each handed to {@code accepted} there, until one fails. */
    private static void acceptAll(ServerSocket printer, Accepted accepted) {
        Thread accepting = new Thread(() -> {
            while (!printer.isClosed()) {
                try {
                    accepted.handle(printer.accept());
                } catch (IOException closed) {
                    return;
                }
            }
        });
        accepting.setDaemon(true);
        accepting.start();
    }

    /** Reads one request head, answers it with a kept-alive 200, and closes the connection 5 ms later. */
    private static void answerOnceThenCloseSoon(Socket socket, AtomicInteger requests) {
        try (socket) {
            if (!readHead(socket.getInputStream())) {
                return;
            }
            requests.incrementAndGet();
            socket.getOutputStream()
                    .write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}"
                            .getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            Thread.sleep(5);
        } catch (IOException | InterruptedException ended) {
            // The test is over, or the client hung up first.
        }
    }

    @Test
    void anIdleConnectionIsReusedForAtMostTwentySecondsOrWhatTheServerOffers() {
        HttpClientContext context = HttpClientContext.create();
        var plain = new org.apache.hc.core5.http.message.BasicHttpResponse(200);
        assertEquals(TimeValue.ofSeconds(20), HttpTransport.keepAlive(plain, context));
        var shorter = new org.apache.hc.core5.http.message.BasicHttpResponse(200);
        shorter.addHeader("Keep-Alive", "timeout=5");
        assertEquals(TimeValue.ofSeconds(5), HttpTransport.keepAlive(shorter, context));
        var longer = new org.apache.hc.core5.http.message.BasicHttpResponse(200);
        longer.addHeader("Keep-Alive", "timeout=300");
        assertEquals(TimeValue.ofSeconds(20), HttpTransport.keepAlive(longer, context));
    }

    @Test
    void anAnswerPastItsCapFailsAsTooLargeWithoutReadingTheRest() throws Exception {
        HttpServer printer = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        AtomicBoolean writeFailed = new AtomicBoolean();
        printer.createContext("/api/files", exchange -> {
            exchange.sendResponseHeaders(200, 0);
            byte[] chunk = new byte[8192];
            try {
                for (int i = 0; i < 4096; i++) { // 32 MiB, far past the 64-KiB cap
                    exchange.getResponseBody().write(chunk);
                }
            } catch (IOException closedByTheClient) {
                writeFailed.set(true);
            }
            exchange.close();
        });
        printer.start();
        HttpTransport wired = wired();
        try {
            Target local = local(printer.getAddress().getPort());
            var request = wired.request(local, "/api/files", Duration.ofSeconds(5))
                    .GET()
                    .build();
            AppConnectionException failure =
                    assertThrows(AppConnectionException.class, () -> wired.send(local, request, wired.text()));
            AnswerTooLargeException tooLarge = assertInstanceOf(AnswerTooLargeException.class, failure);
            assertEquals(65536, tooLarge.limitBytes());
            assertTrue(
                    Await.until(Duration.ofSeconds(10), writeFailed::get),
                    "the printer was cut off instead of its 32 MiB being read");
        } finally {
            printer.stop(0);
            wired.close();
            wired.threads.io().shutdownNow();
        }
    }

    @Test
    void anUploadOfUnknownLengthIsSentWholeAndAStreamedAnswerIsReadWhole() throws Exception {
        HttpServer printer = printer("/api/files/local", exchange -> {
            byte[] received = exchange.getRequestBody().readAllBytes();
            byte[] answer = new byte[received.length * 2];
            System.arraycopy(received, 0, answer, 0, received.length);
            System.arraycopy(received, 0, answer, received.length, received.length);
            exchange.sendResponseHeaders(201, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        HttpTransport wired = wired();
        try {
            Target local = local(printer.getAddress().getPort());
            byte[] upload = new byte[700_000];
            new java.util.Random(7).nextBytes(upload);
            var request = wired.request(local, "/api/files/local", Duration.ofSeconds(5))
                    .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(upload)))
                    .build();
            HttpResponse<InputStream> answer = wired.send(local, request, HttpResponse.BodyHandlers.ofInputStream());
            assertEquals(201, answer.statusCode());
            assertEquals(
                    "1400000", answer.headers().firstValue("content-length").orElseThrow());
            byte[] read;
            try (InputStream body = answer.body()) {
                read = body.readAllBytes();
            }
            assertEquals(1_400_000, read.length);
            assertArrayEquals(upload, java.util.Arrays.copyOfRange(read, 700_000, 1_400_000));
        } finally {
            printer.stop(0);
            wired.close();
            wired.threads.io().shutdownNow();
        }
    }

    @Test
    void anAnswerThatDoesNotComeInTimeIsATimeoutAndANoContentAnswerHasAnEmptyBody() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        HttpServer printer = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        printer.createContext("/slow", exchange -> {
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
        });
        printer.createContext("/api/job", exchange -> {
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        printer.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(2));
        printer.start();
        HttpTransport wired = wired();
        try {
            Target local = local(printer.getAddress().getPort());
            var slow =
                    wired.request(local, "/slow", Duration.ofMillis(300)).GET().build();
            AppConnectionException failure =
                    assertThrows(AppConnectionException.class, () -> wired.send(local, slow, wired.text()));
            assertInstanceOf(PrinterUnreachableException.class, failure);
            assertInstanceOf(java.net.http.HttpTimeoutException.class, failure.getCause());
            release.countDown();

            var command = wired.request(local, "/api/job", Duration.ofSeconds(5))
                    .POST(HttpRequest.BodyPublishers.ofString("{\"command\":\"pause\"}"))
                    .header("Content-Type", "application/json")
                    .build();
            HttpResponse<String> answer = wired.send(local, command, wired.text());
            assertEquals(204, answer.statusCode());
            assertEquals("", answer.body());
        } finally {
            release.countDown();
            printer.stop(0);
            wired.close();
            wired.threads.io().shutdownNow();
        }
    }

    /** A printer on loopback that answers one path, started. */
    private static HttpServer printer(String path, com.sun.net.httpserver.HttpHandler answer) throws IOException {
        HttpServer printer = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        printer.createContext(path, answer);
        printer.start();
        return printer;
    }

    private static Target local(int port) {
        return new Target("c1", ConnectionRoute.RELAY, URI.create("http://127.0.0.1:" + port), Map.of());
    }

    /** Reads a request's head (up to the blank line); false when the connection ended first. */
    private static boolean readHead(InputStream in) throws IOException {
        int matched = 0;
        int b;
        while ((b = in.read()) >= 0) {
            matched = (b == '\r' || b == '\n') ? matched + 1 : 0;
            if (matched == 4) {
                return true;
            }
        }
        return false;
    }

    /** Polls until the condition holds or the time is up. */
    private static final class Await {
        static boolean until(Duration limit, java.util.function.BooleanSupplier condition) throws InterruptedException {
            long end = System.nanoTime() + limit.toNanos();
            while (System.nanoTime() < end) {
                if (condition.getAsBoolean()) {
                    return true;
                }
                Thread.sleep(20);
            }
            return condition.getAsBoolean();
        }
    }
}
