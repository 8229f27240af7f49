package dev.printfarm.appconnection.api.error;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What an error answer said, one fact per field: OctoEverywhere's own code (600–699) when OctoEverywhere answered with
 * one; the printer's HTTP status and the start of its error body when the printer answered; how long to wait before
 * trying again when that is known. Every field is empty when nothing answered. Immutable.
 *
 * <p>{@code printerBody} is at most {@link #MAX_BODY_CHARS} characters of text without control characters other than
 * line feed and tab; the module removes the connection's secrets from it before it gets here.
 */
public record ErrorDetails(
        OptionalInt octoEverywhereCode,
        OptionalInt printerStatus,
        Optional<String> printerBody,
        Optional<Duration> retryAfter) {

    /** The most characters of the printer's error body an exception keeps. */
    public static final int MAX_BODY_CHARS = 4096;

    private static final ErrorDetails NONE =
            new ErrorDetails(OptionalInt.empty(), OptionalInt.empty(), Optional.empty(), Optional.empty());

    public ErrorDetails {
        Objects.requireNonNull(octoEverywhereCode, "octoEverywhereCode");
        Objects.requireNonNull(printerStatus, "printerStatus");
        Objects.requireNonNull(printerBody, "printerBody");
        Objects.requireNonNull(retryAfter, "retryAfter");
        octoEverywhereCode.ifPresent(code -> {
            if (code < 600 || code > 699) {
                throw new IllegalArgumentException("OctoEverywhere's codes are 600-699, not " + code);
            }
        });
        printerStatus.ifPresent(status -> {
            if (status < 100 || status > 999) {
                throw new IllegalArgumentException("An HTTP status has three digits, not " + status);
            }
        });
        if (printerBody.isPresent() && printerStatus.isEmpty()) {
            throw new IllegalArgumentException("A printer body comes with the printer's status");
        }
        printerBody.ifPresent(ErrorDetails::checkBody);
        retryAfter.ifPresent(wait -> {
            if (wait.isNegative()) {
                throw new IllegalArgumentException("A retry-after is not negative, got " + wait);
            }
        });
    }

    /** Nothing answered, or nothing is known of the answer. */
    public static ErrorDetails none() {
        return NONE;
    }

    /** OctoEverywhere answered with one of its codes. */
    public static ErrorDetails octoEverywhere(int code) {
        return new ErrorDetails(OptionalInt.of(code), OptionalInt.empty(), Optional.empty(), Optional.empty());
    }

    /** The printer answered with this status, and no body worth keeping. */
    public static ErrorDetails printer(int status) {
        return printer(status, Optional.empty());
    }

    /** The printer answered with this status and body (already capped and cleaned, see the class comment). */
    public static ErrorDetails printer(int status, Optional<String> body) {
        return new ErrorDetails(OptionalInt.empty(), OptionalInt.of(status), body, Optional.empty());
    }

    /** The same facts, with how long to wait before trying again. */
    public ErrorDetails withRetryAfter(Duration wait) {
        return new ErrorDetails(octoEverywhereCode, printerStatus, printerBody, Optional.of(wait));
    }

    private static void checkBody(String body) {
        if (body.length() > MAX_BODY_CHARS) {
            throw new IllegalArgumentException(
                    "A printer body is at most " + MAX_BODY_CHARS + " characters, got " + body.length());
        }
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (Character.isISOControl(c) && c != '\n' && c != '\t') {
                throw new IllegalArgumentException("A printer body holds no control characters; found U+"
                        + String.format("%04X", (int) c) + " at " + i);
            }
        }
    }

    @Override
    public String toString() {
        return "ErrorDetails[octoEverywhereCode=" + octoEverywhereCode + ", printerStatus=" + printerStatus
                + ", printerBody=" + printerBody.map(b -> b.length() + " chars").orElse("none") + ", retryAfter="
                + retryAfter + "]";
    }
}
