package dev.printfarm.appconnection.impl.error;

import dev.printfarm.appconnection.api.error.AnswerTooLargeException;
import dev.printfarm.appconnection.api.error.AppApiResponseException;
import dev.printfarm.appconnection.api.error.AppConnectionException;
import dev.printfarm.appconnection.api.error.ConnectionGoneException;
import dev.printfarm.appconnection.api.error.ConnectionSuspendedException;
import dev.printfarm.appconnection.api.error.ErrorDetails;
import dev.printfarm.appconnection.api.error.InvalidCredentialsException;
import dev.printfarm.appconnection.api.error.NoActivePrintException;
import dev.printfarm.appconnection.api.error.OctoEverywhereException;
import dev.printfarm.appconnection.api.error.PrinterOfflineException;
import dev.printfarm.appconnection.api.error.PrinterResponseException;
import dev.printfarm.appconnection.api.error.PrinterUnreachableException;
import dev.printfarm.appconnection.api.error.RelayTimeoutException;
import dev.printfarm.appconnection.api.error.TransferLimitException;
import dev.printfarm.appconnection.api.error.UnreadableAnswerException;
import dev.printfarm.appconnection.api.error.WebcamLimitException;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * The module's one mapping from an error answer to the api's exception. On the relay and the App API a 6xx is
 * OctoEverywhere's code and picks the type by meaning (601 offline, 602 relay timeout, 603/604 gone, 605 suspended with
 * the supporter link, 606 bad credentials, 607/608 transfer limit, 609 webcam limit, 613 no active print, the rest a
 * plain {@link OctoEverywhereException}); on the App API any other status is the service's own
 * ({@link AppApiResponseException}); everywhere else it is the printer's ({@link PrinterResponseException} with its
 * status and cleaned body). A {@code Retry-After} is read on every side. Nothing is invented: a fact the answer did not
 * carry stays empty. Thread-safe.
 */
public final class ErrorMapper {

    private static final int EXPLANATION_LENGTH = 200;
    private static final List<String> EXPLANATION_KEYS = List.of("error", "message", "Error", "Message");

    private final Clock clock;
    private final URI serviceUrl;
    private final String appId;

    /** @param serviceUrl OctoEverywhere's base URL and {@code appId} this application's id: the supporter link of 605 */
    public ErrorMapper(Clock clock, URI serviceUrl, String appId) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.serviceUrl = Objects.requireNonNull(serviceUrl, "serviceUrl");
        this.appId = Objects.requireNonNull(appId, "appId");
    }

    public static boolean isOctoEverywhereCode(int status) {
        return status >= 600 && status <= 699;
    }

    /** The exception for an answer whose status says it failed. */
    public AppConnectionException map(ErrorAnswer answer) {
        int status = answer.status();
        String id = answer.connectionId();
        if (status < 100 || status > 999) {
            return new UnreadableAnswerException(
                    who(answer.side()) + " answered with " + status + ", which is no HTTP status",
                    id,
                    ErrorDetails.none());
        }
        Optional<Duration> retryAfter = retryAfter(answer);
        if (answer.side() != Side.LAN && isOctoEverywhereCode(status)) {
            ErrorDetails details = ErrorDetails.octoEverywhere(status);
            return octoEverywhere(
                    id, status, retryAfter.map(details::withRetryAfter).orElse(details));
        }
        if (answer.side() == Side.APP_API) {
            ErrorDetails details =
                    retryAfter.map(ErrorDetails.none()::withRetryAfter).orElse(ErrorDetails.none());
            return new AppApiResponseException("OctoEverywhere's App API answered HTTP " + status, id, status, details);
        }
        ErrorDetails details = printerDetails(answer);
        return new PrinterResponseException(
                "The printer answered HTTP " + status
                        + (answer.side() == Side.LAN ? " on the LAN" : "")
                        + details.printerBody()
                                .flatMap(ErrorMapper::explanation)
                                .map(e -> ": " + ErrorBodies.clean(e, answer.secrets()))
                                .orElse(""),
                id,
                details);
    }

    /**
     * The printer's answer as fields: its status, its cleaned body, the retry-after; for a caller that picks the type
     * itself from what the body says (the command API's refusals).
     */
    public ErrorDetails printerDetails(ErrorAnswer answer) {
        Optional<String> body =
                ErrorBodies.text(answer.body(), answer.bodyCut(), answer.header("Content-Type"), answer.secrets());
        ErrorDetails details = ErrorDetails.printer(answer.status(), body);
        return retryAfter(answer).map(details::withRetryAfter).orElse(details);
    }

    /** The answer's {@code Retry-After}, when it has a readable one. */
    public Optional<Duration> retryAfter(ErrorAnswer answer) {
        return answer.header("Retry-After").flatMap(value -> RetryAfter.parse(value, clock));
    }

    /**
     * A success answer that cannot be used (not the JSON expected, too large, not an image): the printer's status when
     * the printer sent it, no body.
     */
    public static UnreadableAnswerException unreadable(
            String connectionId, Side side, OptionalInt status, String message) {
        return new UnreadableAnswerException(message, connectionId, printersStatus(side, status));
    }

    /** A success answer over the module's cap of {@code limit} bytes. */
    public static AnswerTooLargeException tooLarge(String connectionId, Side side, OptionalInt status, long limit) {
        return new AnswerTooLargeException(
                who(side) + "'s answer is larger than " + limit + " bytes",
                connectionId,
                limit,
                printersStatus(side, status));
    }

    /** The status as the printer's, when it is one: not on the App API, not OctoEverywhere's code on the relay. */
    private static ErrorDetails printersStatus(Side side, OptionalInt status) {
        boolean printers = side != Side.APP_API
                && status.isPresent()
                && status.getAsInt() >= 100
                && status.getAsInt() <= 999
                && !(side == Side.RELAY && isOctoEverywhereCode(status.getAsInt()));
        return printers ? ErrorDetails.printer(status.getAsInt()) : ErrorDetails.none();
    }

    /** Nothing answered. */
    public static PrinterUnreachableException unreachable(String connectionId, Side side, Throwable cause) {
        String what = switch (side) {
            case RELAY -> "Could not reach the relay: ";
            case LAN -> "Could not reach the printer on the LAN: ";
            case APP_API -> "Could not reach OctoEverywhere's App API: ";
        };
        return new PrinterUnreachableException(what + cause.getClass().getSimpleName(), connectionId, cause);
    }

    /** The page that tells the printer's owner how to get the supporter perks back (605). */
    public URI supporterUrl() {
        return URI.create(serviceUrl + "/appportal/v1/nosupporterperks?appid="
                + URLEncoder.encode(appId, StandardCharsets.UTF_8));
    }

    private AppConnectionException octoEverywhere(String id, int code, ErrorDetails details) {
        return switch (code) {
            case 601 -> new PrinterOfflineException("601: the printer is not connected to OctoEverywhere", id, details);
            case 602 ->
                new RelayTimeoutException("602: OctoEverywhere's connection to the printer timed out", id, details);
            case 603 ->
                new ConnectionGoneException("603: OctoEverywhere does not know this App Connection", id, details);
            case 604 -> new ConnectionGoneException("604: the App Connection was revoked or has expired", id, details);
            case 605 ->
                new ConnectionSuspendedException(
                        "605: the printer's owner no longer has OctoEverywhere supporter perks",
                        id,
                        supporterUrl(),
                        details);
            case 606 ->
                new InvalidCredentialsException("606: OctoEverywhere rejected the relay credentials", id, details);
            case 607 ->
                new TransferLimitException(
                        "607: the response is over the account's download limit",
                        id,
                        TransferLimitException.Direction.DOWNLOAD,
                        OptionalLong.empty(),
                        details);
            case 608 ->
                new TransferLimitException(
                        "608: the request is over the account's upload limit",
                        id,
                        TransferLimitException.Direction.UPLOAD,
                        OptionalLong.empty(),
                        details);
            case 609 -> new WebcamLimitException("609: the webcam was viewed too often back to back", id, details);
            case 610 ->
                new OctoEverywhereException(
                        "610: the printer's OctoEverywhere plugin must be updated", id, details, true);
            case 611 -> new OctoEverywhereException("611: no OctoEverywhere beta access", id, details, true);
            case 612 ->
                new OctoEverywhereException("612: the OctoEverywhere plugin reported an error", id, details, true);
            case 613 -> new NoActivePrintException("613: no print is active", id, details);
            default ->
                new OctoEverywhereException(code + ": OctoEverywhere could not relay the request", id, details, true);
        };
    }

    private static String who(Side side) {
        return side == Side.APP_API ? "OctoEverywhere's App API" : "The printer";
    }

    /**
     * What a cleaned error body says in a few words, for the message: the {@code error} or {@code message} of a JSON
     * object ({@code {"error": "..."}} from OctoPrint, {@code {"error": {"message": "..."}}} from Moonraker), else the
     * first line of a body that is not markup.
     */
    static Optional<String> explanation(String body) {
        String text = body.strip();
        if (text.startsWith("{")) {
            return fromJson(text).map(ErrorMapper::oneLine).filter(s -> !s.isEmpty());
        }
        if (text.startsWith("<") || text.startsWith("[")) {
            return Optional.empty();
        }
        return Optional.of(oneLine(text.lines().findFirst().orElse(""))).filter(s -> !s.isEmpty());
    }

    private static Optional<String> fromJson(String text) {
        JsonObject object;
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            object = reader.readObject();
        } catch (JsonException | IllegalStateException notJson) {
            return Optional.empty();
        }
        for (String key : EXPLANATION_KEYS) {
            JsonValue value = object.get(key);
            if (value instanceof JsonString s) {
                return Optional.of(s.getString());
            }
            if (value instanceof JsonObject nested && nested.get("message") instanceof JsonString s) {
                return Optional.of(s.getString());
            }
        }
        return Optional.empty();
    }

    private static String oneLine(String text) {
        String joined = String.join(" ", text.strip().split("\\s*\\R\\s*"));
        return joined.length() <= EXPLANATION_LENGTH ? joined : joined.substring(0, EXPLANATION_LENGTH - 1) + "…";
    }
}
