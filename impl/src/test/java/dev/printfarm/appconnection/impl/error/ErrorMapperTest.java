package dev.printfarm.appconnection.impl.error;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.printfarm.appconnection.api.error.AppApiResponseException;
import dev.printfarm.appconnection.api.error.AppConnectionException;
import dev.printfarm.appconnection.api.error.ConnectionGoneException;
import dev.printfarm.appconnection.api.error.ConnectionSuspendedException;
import dev.printfarm.appconnection.api.error.InvalidCredentialsException;
import dev.printfarm.appconnection.api.error.NoActivePrintException;
import dev.printfarm.appconnection.api.error.OctoEverywhereException;
import dev.printfarm.appconnection.api.error.PrinterOfflineException;
import dev.printfarm.appconnection.api.error.PrinterResponseException;
import dev.printfarm.appconnection.api.error.RelayTimeoutException;
import dev.printfarm.appconnection.api.error.TransferLimitException;
import dev.printfarm.appconnection.api.error.UnreadableAnswerException;
import dev.printfarm.appconnection.api.error.WebcamLimitException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ErrorMapperTest {

    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    private static final ErrorMapper MAPPER =
            new ErrorMapper(Clock.fixed(NOW, ZoneOffset.UTC), URI.create("https://octoeverywhere.com"), "my app");
    private static final String PASSWORD = "s3cr3t-relay-password";
    private static final String AUTHORIZATION = "Basic "
            + Base64.getEncoder().encodeToString(("relay-user-42:" + PASSWORD).getBytes(StandardCharsets.UTF_8));
    private static final String API_KEY = "0A1B2C3D4E5F60718293A4B5C6D7E8F9";

    private static AppConnectionException relay(int status) {
        return MAPPER.map(ErrorAnswer.statusOnly("c1", Side.RELAY, status));
    }

    private static AppConnectionException printer(
            Side side, int status, Map<String, List<String>> headers, String body) {
        return MAPPER.map(new ErrorAnswer(
                "c1",
                side,
                status,
                headers,
                body.getBytes(StandardCharsets.UTF_8),
                false,
                Set.of(AUTHORIZATION, API_KEY)));
    }

    @Test
    void everyDocumentedCodeHasItsTypeAndOnlyItsCode() {
        Map<Integer, Class<?>> expected = Map.ofEntries(
                Map.entry(600, OctoEverywhereException.class), Map.entry(601, PrinterOfflineException.class),
                Map.entry(602, RelayTimeoutException.class), Map.entry(603, ConnectionGoneException.class),
                Map.entry(604, ConnectionGoneException.class), Map.entry(605, ConnectionSuspendedException.class),
                Map.entry(606, InvalidCredentialsException.class), Map.entry(607, TransferLimitException.class),
                Map.entry(608, TransferLimitException.class), Map.entry(609, WebcamLimitException.class),
                Map.entry(610, OctoEverywhereException.class), Map.entry(611, OctoEverywhereException.class),
                Map.entry(612, OctoEverywhereException.class), Map.entry(613, NoActivePrintException.class));
        for (var entry : expected.entrySet()) {
            for (Side side : new Side[] {Side.RELAY, Side.APP_API}) {
                AppConnectionException e = MAPPER.map(ErrorAnswer.statusOnly("c1", side, entry.getKey()));
                assertEquals(entry.getValue(), e.getClass(), entry.getKey() + " on " + side);
                assertEquals(OptionalInt.of(entry.getKey()), e.octoEverywhereCode());
                assertEquals(OptionalInt.empty(), e.printerStatus(), "OctoEverywhere answered, not the printer");
                assertTrue(e.printerBody().isEmpty());
                assertEquals(Optional.of("c1"), e.connectionId());
                assertTrue(e.getMessage().startsWith(entry.getKey() + ":"), e.getMessage());
            }
        }
    }

    @Test
    void temporaryFollowsOctoEverywheresTable() {
        for (int code : new int[] {600, 601, 602, 605, 609, 610, 611, 612, 613, 650}) {
            assertTrue(relay(code).isTemporary(), "code " + code);
        }
        for (int code : new int[] {603, 604, 606, 607, 608}) {
            assertFalse(relay(code).isTemporary(), "code " + code);
        }
    }

    @Test
    void theTransferLimitsSayTheirDirectionAndNoLimitTheyWereNotTold() {
        var download = assertInstanceOf(TransferLimitException.class, relay(607));
        assertEquals(TransferLimitException.Direction.DOWNLOAD, download.direction());
        assertTrue(download.limitBytes().isEmpty());
        assertEquals(
                TransferLimitException.Direction.UPLOAD,
                assertInstanceOf(TransferLimitException.class, relay(608)).direction());
    }

    @Test
    void anUnknownSixHundredCodeIsGenericAndTemporary() {
        AppConnectionException e = relay(650);
        assertEquals(OctoEverywhereException.class, e.getClass());
        assertEquals(OptionalInt.of(650), e.octoEverywhereCode());
        assertTrue(e.isTemporary());
        assertEquals(OctoEverywhereException.class, relay(699).getClass());
    }

    @Test
    void suspensionCarriesTheSupporterLinkForTheAppId() {
        var e = assertInstanceOf(ConnectionSuspendedException.class, relay(605));
        assertEquals(
                URI.create("https://octoeverywhere.com/appportal/v1/nosupporterperks?appid=my+app"), e.supporterUrl());
    }

    @Test
    void onTheLanEveryStatusIsThePrintersEvenSixHundred() {
        var e = assertInstanceOf(PrinterResponseException.class, printer(Side.LAN, 601, Map.of(), ""));
        assertEquals(OptionalInt.of(601), e.printerStatus());
        assertTrue(e.octoEverywhereCode().isEmpty());
        assertTrue(e.getMessage().contains("on the LAN"), e.getMessage());
    }

    @Test
    void thePrintersErrorKeepsItsStatusAndBodyApart() {
        var e = assertInstanceOf(
                PrinterResponseException.class,
                printer(
                        Side.RELAY,
                        409,
                        Map.of("Content-Type", List.of("application/json")),
                        "{\"error\": \"Printer is not operational\"}"));
        assertEquals(OptionalInt.of(409), e.printerStatus());
        assertTrue(e.octoEverywhereCode().isEmpty());
        assertEquals(Optional.of("{\"error\": \"Printer is not operational\"}"), e.printerBody());
        assertEquals("The printer answered HTTP 409: Printer is not operational", e.getMessage());
        assertTrue(e.isTemporary());
        assertFalse(printer(Side.RELAY, 404, Map.of(), "").isTemporary());
        assertTrue(printer(Side.RELAY, 503, Map.of(), "").isTemporary());
        assertTrue(printer(Side.RELAY, 404, Map.of(), "").printerBody().isEmpty(), "no body, nothing kept");
    }

    @Test
    void moonrakersNestedMessageAndPlainTextNameTheError() {
        assertEquals(
                "The printer answered HTTP 400: SD busy",
                printer(
                                Side.RELAY,
                                400,
                                Map.of(),
                                "{\"error\": {\"code\": 400, \"message\": \"SD busy\", \"traceback\": \"...\"}}")
                        .getMessage());
        assertEquals(
                "The printer answered HTTP 500: Internal error",
                printer(Side.RELAY, 500, Map.of(), "Internal error\nsecond line")
                        .getMessage());
        assertEquals(
                "The printer answered HTTP 502",
                printer(Side.RELAY, 502, Map.of(), "<html><body>Bad Gateway</body></html>")
                        .getMessage(),
                "markup names nothing");
    }

    @Test
    void theAppApisOwnErrorsAreNeitherCodesNorThePrinters() {
        var e = assertInstanceOf(AppApiResponseException.class, printer(Side.APP_API, 500, Map.of(), "oops"));
        assertEquals(500, e.httpStatus());
        assertTrue(e.printerStatus().isEmpty());
        assertTrue(e.octoEverywhereCode().isEmpty());
        assertTrue(e.printerBody().isEmpty(), "OctoEverywhere's body is not the printer's");
        assertTrue(e.isTemporary());
        assertFalse(MAPPER.map(ErrorAnswer.statusOnly("c1", Side.APP_API, 400)).isTemporary());
    }

    @Test
    void theBodyIsCappedAndTheConnectionsSecretsAreGone() {
        String body = "Unauthorized. You sent Authorization: " + AUTHORIZATION + "\nX-Api-Key was " + API_KEY
                + " and password " + PASSWORD + "\n" + "y".repeat(10_000);
        AppConnectionException e = printer(Side.RELAY, 401, Map.of(), body);
        String kept = e.printerBody().orElseThrow();
        assertTrue(kept.length() <= 4096, "length " + kept.length());
        for (String secret : new String[] {PASSWORD, API_KEY, AUTHORIZATION.substring(6), "relay-user-42"}) {
            assertFalse(kept.contains(secret), "kept " + secret);
            assertFalse(e.getMessage().contains(secret), "message has " + secret);
        }
        assertTrue(kept.startsWith("Unauthorized. You sent Authorization: ***"), kept);
    }

    @Test
    void aSecretEscapedInJsonDoesNotComeBackThroughTheMessage() {
        StringBuilder escaped = new StringBuilder();
        API_KEY.chars().forEach(c -> escaped.append(String.format("\\u%04x", c)));
        AppConnectionException e = printer(Side.RELAY, 403, Map.of(), "{\"error\": \"bad key " + escaped + "\"}");
        assertFalse(e.getMessage().contains(API_KEY), e.getMessage());
    }

    @Test
    void aBinaryOrHostileBodyIsNeverKeptRaw() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 13, (byte) 0xff, (byte) 0xfe};
        AppConnectionException binary = MAPPER.map(new ErrorAnswer(
                "c1", Side.RELAY, 500, Map.of("Content-Type", List.of("text/plain")), png, false, Set.of()));
        assertTrue(binary.printerBody().isEmpty(), "a NUL byte: binary");
        AppConnectionException image = MAPPER.map(new ErrorAnswer(
                "c1",
                Side.RELAY,
                500,
                Map.of("content-type", List.of("image/jpeg")),
                "JFIF...".getBytes(StandardCharsets.UTF_8),
                false,
                Set.of()));
        assertTrue(image.printerBody().isEmpty());

        AppConnectionException hostile =
                printer(Side.RELAY, 500, Map.of(), "line\u001b[31mred\u0007\r\nnext\u202eevil\u0085end");
        assertEquals(Optional.of("line\uFFFD[31mred\uFFFD\nnext\uFFFDevil\uFFFDend"), hostile.printerBody());
        assertFalse(hostile.getMessage().chars().anyMatch(Character::isISOControl), hostile.getMessage());
    }

    @Test
    void aStatusThatIsNoHttpStatusIsAnUnreadableAnswer() {
        for (int status : new int[] {-1, 0, 99, 1000}) {
            AppConnectionException e = relay(status);
            assertInstanceOf(UnreadableAnswerException.class, e);
            assertTrue(e.printerStatus().isEmpty());
            assertTrue(e.octoEverywhereCode().isEmpty());
        }
    }

    @Test
    void retryAfterIsReadOnEverySide() {
        Map<String, List<String>> inSeconds = Map.of("retry-after", List.of("120"));
        assertEquals(
                Optional.of(Duration.ofSeconds(120)),
                printer(Side.RELAY, 429, inSeconds, "").retryAfter());
        assertEquals(
                Optional.of(Duration.ofSeconds(120)),
                printer(Side.RELAY, 609, inSeconds, "").retryAfter());
        assertEquals(
                Optional.of(Duration.ofSeconds(120)),
                printer(Side.APP_API, 503, inSeconds, "").retryAfter());
        Map<String, List<String>> asDate = Map.of("Retry-After", List.of("Sun, 01 Mar 2026 12:00:30 GMT"));
        assertEquals(
                Optional.of(Duration.ofSeconds(30)),
                printer(Side.LAN, 503, asDate, "").retryAfter());
        assertTrue(printer(Side.RELAY, 503, Map.of("Retry-After", List.of("soon")), "")
                .retryAfter()
                .isEmpty());
        assertTrue(relay(601).retryAfter().isEmpty(), "nothing said, nothing made up");
    }

    @Test
    void anUnreadableSuccessIsThePrintersStatusOnlyWhenThePrinterSentIt() {
        assertEquals(
                OptionalInt.of(200),
                ErrorMapper.unreadable("c", Side.RELAY, OptionalInt.of(200), "m")
                        .printerStatus());
        assertEquals(
                OptionalInt.of(200),
                ErrorMapper.unreadable("c", Side.LAN, OptionalInt.of(200), "m").printerStatus());
        assertTrue(ErrorMapper.unreadable("c", Side.APP_API, OptionalInt.of(200), "m")
                .printerStatus()
                .isEmpty());
        assertTrue(ErrorMapper.unreadable("c", Side.RELAY, OptionalInt.empty(), "m")
                .printerStatus()
                .isEmpty());
        var tooLarge = ErrorMapper.tooLarge("c", Side.RELAY, OptionalInt.of(200), 1024);
        assertEquals(1024, tooLarge.limitBytes());
        assertFalse(tooLarge.isTemporary());
        assertEquals("The printer's answer is larger than 1024 bytes", tooLarge.getMessage());
    }
}
