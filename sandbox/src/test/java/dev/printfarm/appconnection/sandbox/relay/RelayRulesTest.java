package dev.printfarm.appconnection.sandbox.relay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.printfarm.appconnection.sandbox.MutableClock;
import dev.printfarm.appconnection.sandbox.config.SandboxSettings;
import dev.printfarm.appconnection.sandbox.connection.AppConnection;
import dev.printfarm.appconnection.sandbox.connection.ConnectionRegistry;
import dev.printfarm.appconnection.sandbox.octoprint.ScriptedResponse;
import dev.printfarm.appconnection.sandbox.octoprint.ScriptedResponses;
import dev.printfarm.appconnection.sandbox.printer.EmulatedPrinter;
import dev.printfarm.appconnection.sandbox.printer.FileStore;
import dev.printfarm.appconnection.sandbox.printer.PrinterLimits;
import dev.printfarm.appconnection.sandbox.printer.PrinterRegistry;
import dev.printfarm.appconnection.sandbox.web.ReceivedBody;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class RelayRulesTest {

    private final MutableClock clock = MutableClock.at("2026-11-28T10:00:00Z");
    private final PrinterRegistry printers = new PrinterRegistry(
            new SandboxSettings(2, Optional.empty(), Duration.ofSeconds(1000), Optional.empty(), 0), clock);
    private final ConnectionRegistry connections = new ConnectionRegistry(clock);
    private final RelayStats stats = new RelayStats();
    private final ScriptedResponses scripts = new ScriptedResponses();
    private final ConnectionResets resets = new ConnectionResets();
    private final RelayRouter router = new RelayRouter(connections, printers, stats, scripts, resets);
    private final EmulatedPrinter printer = printers.all().get(0);
    private final AppConnection connection = connections.create(printer.id(), "devtest", "http://h/relay", false);

    @Test
    void revokedConnectionAnswers604UntilUnrevoked() {
        connections.revoke(connection.id(), true);
        assertEquals(604, get("/api/version").status());

        connections.revoke(connection.id(), false);
        assertEquals(200, get("/api/version").status());
    }

    @Test
    void nonSupporterAnswers605() {
        printers.update(printer.id(), controls -> controls.withSupporter(false));

        assertEquals(605, get("/api/version").status());
    }

    @Test
    void failWithStillWinsOverSupporter() {
        printers.update(printer.id(), controls -> controls.withSupporter(false).withFailWith(OptionalInt.of(602)));

        assertEquals(602, get("/api/version").status());
    }

    @Test
    void announcedBodyOverTheUploadLimitAnswers608() {
        limits(new PrinterLimits(1_000_000, 100, 60));

        RelayAnswer answer = router.answer(post(OptionalLong.of(101), ReceivedBody.of(new byte[0])));

        assertEquals(608, answer.status());
    }

    @Test
    void withoutContentLengthTheReceivedBytesCountAgainstTheUploadLimit() {
        limits(new PrinterLimits(1_000_000, 100, 60));

        assertEquals(
                608,
                router.answer(post(OptionalLong.empty(), new ReceivedBody(new byte[0], 101)))
                        .status());
        assertFalse(router.answer(post(OptionalLong.empty(), new ReceivedBody(new byte[0], 100)))
                        .status()
                == 608);
    }

    @Test
    void answerOverTheDownloadLimitAnswers607() {
        limits(new PrinterLimits(10, 1_000_000, 60));

        assertEquals(607, get("/api/printer").status());
    }

    @Test
    void uploadBytesAreCountedPerConnectionOnceEach() throws IOException {
        ReceivedBody first = router.receive(connection.id(), new ByteArrayInputStream(new byte[42]));
        router.answer(post(OptionalLong.of(42), first));
        ReceivedBody second = router.receive(connection.id(), new ByteArrayInputStream(new byte[8]));
        router.answer(post(OptionalLong.of(8), second));

        assertEquals(50, stats.snapshot().get(connection.id()).uploadBytes());
        assertEquals(2, stats.snapshot().get(connection.id()).total());
    }

    @Test
    void uploadBytesGrowWhileTheBodyIsStillArriving() throws IOException {
        List<Long> seenBeforeEachChunk = new ArrayList<>();
        InputStream slowBody = new ChunkedStream(5, 1000, () -> seenBeforeEachChunk.add(uploadBytesSoFar()));

        ReceivedBody body = router.receive(connection.id(), slowBody);

        assertEquals(List.of(0L, 1000L, 2000L, 3000L, 4000L, 5000L), seenBeforeEachChunk);
        assertEquals(5000, body.total());
        assertEquals(0, stats.snapshot().get(connection.id()).total(), "listed before any answer was counted");

        router.answer(post(OptionalLong.of(5000), body));

        assertEquals(5000, stats.snapshot().get(connection.id()).uploadBytes(), "the answer does not count again");
        assertEquals(1, stats.snapshot().get(connection.id()).total());
    }

    @Test
    void bodiesWithoutAConnectionIdAreNotCounted() throws IOException {
        assertEquals(
                10, router.receive("", new ByteArrayInputStream(new byte[10])).total());
        assertTrue(stats.snapshot().isEmpty());
    }

    @Test
    void smallStorageKeepsOnlyAboutThatMuchOfAnUploadAndAnswers413() throws IOException {
        printer.files().limitTo(1000);
        int size = 3 * 1024 * 1024;

        ReceivedBody body = router.receive(connection.id(), new ChunkedStream(size / 65536, 65536, () -> {}));
        RelayAnswer answer = upload(body);

        assertEquals(1000 + FileStore.MULTIPART_SLACK_BYTES, router.keepAtMost(connection.id()));
        assertEquals(1000 + FileStore.MULTIPART_SLACK_BYTES, body.bytes().length);
        assertEquals(size, body.total());
        assertEquals(413, answer.status());
        assertEquals(size, stats.snapshot().get(connection.id()).uploadBytes());
        assertEquals(size, printer.files().receivedBytes());
    }

    @Test
    void keepAtMostIsTheSmallerOfUploadLimitAndStorageAndNeverOverflows() {
        printer.files().limitTo(0);
        assertEquals(FileStore.MULTIPART_SLACK_BYTES, router.keepAtMost(connection.id()));

        limits(new PrinterLimits(1_000_000, 100, 60));
        assertEquals(101, router.keepAtMost(connection.id()));

        limits(new PrinterLimits(1_000_000, Long.MAX_VALUE, 60));
        printer.files().limitTo(Long.MAX_VALUE);
        assertEquals(Long.MAX_VALUE, router.keepAtMost(connection.id()));

        printer.files().restoreDefaultLimit();
        assertEquals(
                SandboxSettings.DEFAULT_UPLOAD_LIMIT_BYTES + FileStore.MULTIPART_SLACK_BYTES,
                router.keepAtMost(connection.id()));
    }

    @Test
    void scheduledResetsHitTheNextRequestsOnly() {
        resets.schedule(printer.id(), 2);

        assertTrue(get("/api/version").reset());
        assertTrue(get("/api/version").reset());
        assertFalse(get("/api/version").reset());
        assertEquals(1, stats.snapshot().get(connection.id()).total());
    }

    @Test
    void scriptedAnswerReplacesThePrinterButNotTheRelayRules() {
        scripts.put(printer.id(), new ScriptedResponse("GET", "/api/job", 642, "odd", Map.of()));

        assertEquals(642, get("/api/job").status());
        printers.update(printer.id(), controls -> controls.withOnline(false));
        assertEquals(601, get("/api/job").status());
    }

    @Test
    void everyAnswerFromThePrintersChecksOnCarriesItsCut() {
        printers.update(printer.id(), controls -> controls.withCutBodyAfterBytes(OptionalLong.of(10)));
        RelayAnswer whole = get("/api/version");
        printers.update(printer.id(), controls -> controls.withFailWith(OptionalInt.of(601)));

        assertEquals(200, whole.status());
        assertEquals(OptionalLong.of(10), whole.cutBodyAfterBytes());
        assertEquals(OptionalLong.of(10), get("/api/version").cutBodyAfterBytes());
    }

    @Test
    void theRelaysOwnRefusalsAndUncutPrintersAnswerWhole() {
        assertEquals(OptionalLong.empty(), get("/api/version").cutBodyAfterBytes());

        printers.update(printer.id(), controls -> controls.withCutBodyAfterBytes(OptionalLong.of(0)));
        RelayAnswer wrongCredentials = router.answer(new RelayRequest(
                connection.id(), "GET", "/api/version", Optional.of("Bearer wrong"), Optional.empty()));

        assertEquals(606, wrongCredentials.status());
        assertEquals(OptionalLong.empty(), wrongCredentials.cutBodyAfterBytes());
    }

    private void limits(PrinterLimits limits) {
        printers.update(printer.id(), controls -> controls.withLimits(limits));
    }

    private RelayAnswer get(String path) {
        return router.answer(new RelayRequest(
                connection.id(), "GET", path, Optional.of("Bearer " + connection.authBearerToken()), Optional.empty()));
    }

    private long uploadBytesSoFar() {
        ConnectionCounts counts = stats.snapshot().get(connection.id());
        return counts == null ? 0 : counts.uploadBytes();
    }

    private RelayAnswer upload(ReceivedBody body) {
        return router.answer(new RelayRequest(
                connection.id(),
                "POST",
                "/api/files/local",
                Optional.of("Bearer " + connection.authBearerToken()),
                Optional.empty(),
                Map.of(),
                Optional.of("multipart/form-data; boundary=B"),
                OptionalLong.of(body.total()),
                body,
                "http://h/relay/" + connection.id()));
    }

    /** Hands out {@code chunks} chunks of {@code chunkSize} bytes, one per read, calling {@code beforeEach} first. */
    private static final class ChunkedStream extends InputStream {

        private final int chunkSize;
        private final Runnable beforeEach;
        private int left;

        ChunkedStream(int chunks, int chunkSize, Runnable beforeEach) {
            this.left = chunks;
            this.chunkSize = chunkSize;
            this.beforeEach = beforeEach;
        }

        @Override
        public int read() {
            throw new UnsupportedOperationException("read in chunks");
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            beforeEach.run();
            if (left == 0) {
                return -1;
            }
            left--;
            int size = Math.min(length, chunkSize);
            Arrays.fill(buffer, offset, offset + size, (byte) 'x');
            return size;
        }
    }

    private RelayRequest post(OptionalLong contentLength, ReceivedBody body) {
        return new RelayRequest(
                connection.id(),
                "POST",
                "/api/printer/command",
                Optional.of("Bearer " + connection.authBearerToken()),
                Optional.empty(),
                Map.of(),
                Optional.of("application/json"),
                contentLength,
                body,
                "http://h/relay/" + connection.id());
    }
}
