package dev.printfarm.appconnection.impl.error;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads a {@code Retry-After} header: a number of seconds, or an HTTP date in any of the three forms HTTP allows
 * (IMF-fixdate, the obsolete RFC 850 and asctime forms). A date in the past means now; any wait is capped at
 * {@link #MAX}, so that a hostile answer cannot park a caller for years; anything else is not a retry-after at all.
 */
public final class RetryAfter {

    /** The longest wait an answer can ask for. */
    public static final Duration MAX = Duration.ofDays(1);

    /** Longer than any date form; longer values are not read at all. */
    private static final int MAX_LENGTH = 64;

    private static final Pattern SECONDS = Pattern.compile("[0-9]+");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private RetryAfter() {}

    /** The wait {@code value} asks for, as of {@code clock}'s now; empty when it is not a retry-after. */
    public static Optional<Duration> parse(String value, Clock clock) {
        if (value == null) {
            return Optional.empty();
        }
        String text = value.strip();
        if (text.isEmpty() || text.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        if (SECONDS.matcher(text).matches()) {
            // More digits than a day's seconds can ever need is simply the cap.
            return Optional.of(text.length() > 6 ? MAX : cap(Duration.ofSeconds(Long.parseLong(text))));
        }
        return date(WHITESPACE.matcher(text).replaceAll(" "), clock)
                .map(at -> Duration.between(clock.instant(), at))
                .map(wait -> wait.isNegative() ? Duration.ZERO : cap(wait));
    }

    private static Duration cap(Duration wait) {
        return wait.compareTo(MAX) > 0 ? MAX : wait;
    }

    private static Optional<Instant> date(String text, Clock clock) {
        for (DateTimeFormatter format : formats(clock)) {
            try {
                return Optional.of(ZonedDateTime.parse(text, format).toInstant());
            } catch (DateTimeParseException notThisForm) {
                // try the next form
            }
        }
        return Optional.empty();
    }

    /** IMF-fixdate, RFC 850 (two-digit year read as within 50 years of now), asctime; all in GMT. */
    private static List<DateTimeFormatter> formats(Clock clock) {
        int thisYear = clock.instant().atZone(ZoneOffset.UTC).getYear();
        DateTimeFormatter rfc850 = new DateTimeFormatterBuilder()
                .parseCaseInsensitive()
                .appendPattern("EEEE, dd-MMM-")
                .appendValueReduced(ChronoField.YEAR, 2, 2, thisYear - 49)
                .appendPattern(" HH:mm:ss 'GMT'")
                .toFormatter(Locale.ENGLISH)
                .withZone(ZoneOffset.UTC);
        DateTimeFormatter asctime = new DateTimeFormatterBuilder()
                .parseCaseInsensitive()
                .appendPattern("EEE MMM d HH:mm:ss yyyy")
                .toFormatter(Locale.ENGLISH)
                .withZone(ZoneOffset.UTC);
        return List.of(DateTimeFormatter.RFC_1123_DATE_TIME, rfc850, asctime);
    }
}
