package dev.printfarm.appconnection.impl.json;

import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParser.Event;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * How a single value is read, whatever the sender's type for it: a value of the wrong type is absent ({@code null}),
 * never an error, and numbers may come as JSON numbers or as numeric strings. Each reader gets the event the parser
 * stands on and leaves it on the value's last event.
 */
final class TolerantScalars {

    /** Seconds since the epoch beyond the year 3000 are nonsense, not a date. */
    static final double LAST_EPOCH_SECOND = 32_503_680_000d;
    /** Longer numeric strings are not numbers a printer sends. */
    private static final int LONGEST_NUMBER = 40;

    /** The readers by the type they make; a {@link JsonValue} is kept as sent (a payload passed on verbatim). */
    static final Map<Class<?>, BiFunction<Event, JsonParser, Object>> READERS = Map.of(
            JsonValue.class, (event, parser) -> parser.getValue(),
            String.class, TolerantScalars::text,
            Boolean.class, TolerantScalars::flag,
            Double.class, TolerantScalars::decimal,
            Long.class, TolerantScalars::whole,
            Integer.class, TolerantScalars::count,
            Instant.class, TolerantScalars::moment,
            Duration.class, TolerantScalars::seconds);

    private TolerantScalars() {}

    /** A string (blank is absent) or a number's text, e.g. an id sent either way. */
    static String text(Event event, JsonParser parser) {
        String text = raw(event, parser);
        return text == null || text.isBlank() ? null : text;
    }

    /** {@code true}/{@code false}, also as strings in any case. */
    static Boolean flag(Event event, JsonParser parser) {
        if (event == Event.VALUE_TRUE || event == Event.VALUE_FALSE) {
            return event == Event.VALUE_TRUE;
        }
        String text = event == Event.VALUE_STRING ? parser.getString().strip() : skipped(event, parser);
        return text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false") ? Boolean.valueOf(text) : null;
    }

    /** A finite number. */
    static Double decimal(Event event, JsonParser parser) {
        BigDecimal n = number(event, parser);
        return n == null || !Double.isFinite(n.doubleValue()) ? null : n.doubleValue();
    }

    /** A whole number in the range of a long; 2.5 is not one. */
    static Long whole(Event event, JsonParser parser) {
        return exact(number(event, parser), BigDecimal::longValueExact);
    }

    /** A whole number in the range of an int; 2.5 is not one. */
    static Integer count(Event event, JsonParser parser) {
        return exact(number(event, parser), BigDecimal::intValueExact);
    }

    private static <T> T exact(BigDecimal n, Function<BigDecimal, T> conversion) {
        try {
            return n == null ? null : conversion.apply(n);
        } catch (ArithmeticException notWhole) {
            return null;
        }
    }

    /**
     * A moment: seconds since the epoch (a number or numeric string, fractions kept to the millisecond; zero, negative
     * and past the year 3000 are absent), or an ISO-8601 date-time, with an offset or without one (then UTC).
     */
    static Instant moment(Event event, JsonParser parser) {
        String text = raw(event, parser);
        BigDecimal n = number(text);
        if (n != null) {
            double seconds = n.doubleValue();
            return seconds > 0 && seconds <= LAST_EPOCH_SECOND
                    ? Instant.ofEpochMilli(Math.round(seconds * 1000))
                    : null;
        }
        if (text == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text.strip()).toInstant();
        } catch (DateTimeParseException withoutOffset) {
            try {
                return LocalDateTime.parse(text.strip()).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException notADate) {
                return null;
            }
        }
    }

    /** A length of time in seconds (fractions kept to the millisecond); negative is absent. */
    static Duration seconds(Event event, JsonParser parser) {
        BigDecimal n = number(event, parser);
        double seconds = n == null ? -1 : n.doubleValue();
        return seconds >= 0 && seconds <= Long.MAX_VALUE / 1_000_000_000L
                ? Duration.ofMillis(Math.round(seconds * 1000))
                : null;
    }

    /** The text of a string or number as sent; null (the value skipped) for anything else. */
    static String raw(Event event, JsonParser parser) {
        if (event == Event.VALUE_STRING || event == Event.VALUE_NUMBER) {
            return parser.getString();
        }
        Skipping.skip(parser, event);
        return null;
    }

    private static BigDecimal number(Event event, JsonParser parser) {
        return event == Event.VALUE_NUMBER ? parser.getBigDecimal() : number(raw(event, parser));
    }

    private static BigDecimal number(String text) {
        String stripped = text == null ? "" : text.strip();
        if (stripped.isEmpty() || stripped.length() > LONGEST_NUMBER) {
            return null;
        }
        try {
            return new BigDecimal(stripped);
        } catch (NumberFormatException notANumber) {
            return null;
        }
    }

    private static String skipped(Event event, JsonParser parser) {
        Skipping.skip(parser, event);
        return "";
    }
}
