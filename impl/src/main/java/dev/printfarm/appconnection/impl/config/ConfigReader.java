package dev.printfarm.appconnection.impl.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.eclipse.microprofile.config.Config;

/**
 * Reads the module's configuration keys, each once, into typed values, and collects every value it refuses instead
 * of stopping at the first: a refused value yields its default (or a placeholder) so that reading goes on, and
 * {@link #enforce()} then fails with one message naming each key, its value and what is allowed. The value of a key
 * read with {@link #secret(String)} never appears in a message. Remembers every key it read, with its default, so
 * the documented list can be checked against it. Not thread-safe: one reader reads one configuration once.
 *
 * <p>Longer than most classes here because it has one small method per kind of value (duration, integer range, enum,
 * URL, host pattern, secret, ...), each with its own check and message; they share the collection of refusals.
 */
public final class ConfigReader {

    /** Shown instead of the value of a key that holds a secret. */
    public static final String HIDDEN = "<hidden>";

    private static final int SHOWN_CHARS = 120;

    /**
     * One key as read: its name, the default written as a value of the key would be, whether it holds a secret, what
     * kind of value it takes and what is allowed (the words a refusal uses), for the documented list of keys.
     */
    public record Key(String name, Optional<String> fallback, boolean secret, String type, String allowed) {}

    /** Turns text into a value. */
    @FunctionalInterface
    public interface Parser<T> {
        /** @throws IllegalArgumentException saying what is wrong with the text (never quoting a secret) */
        T parse(String text);
    }

    private final Function<String, Optional<String>> source;
    private final Map<String, Key> keys = new LinkedHashMap<>();
    private final Map<String, String> values = new LinkedHashMap<>();
    private final Set<String> refused = new HashSet<>();
    private final List<String> problems = new ArrayList<>();
    private final List<String> notices = new ArrayList<>();

    /** @param source a key's configured value, empty when it is not set */
    public ConfigReader(Function<String, Optional<String>> source) {
        this.source = source;
    }

    /** Reads MicroProfile Config. */
    public static ConfigReader of(Config config) {
        return new ConfigReader(key -> config.getOptionalValue(key, String.class));
    }

    /** Text, empty when the key is not set; blank counts as not set. */
    public Optional<String> optional(String key) {
        return optional(key, ANY_TEXT);
    }

    /** Text, empty when the key is not set, of which {@code allowed} says what it must be (checked by the caller). */
    public Optional<String> optional(String key, String allowed) {
        return raw(key, Optional.empty(), false, "text", allowed);
    }

    /** Text, {@code fallback} when the key is not set. */
    public String text(String key, String fallback) {
        return raw(key, Optional.of(fallback), false, "text", ANY_TEXT).orElse(fallback);
    }

    /** Text a deployment must set: when it is not set that is a problem, {@code meaning} says what to set. */
    public String required(String key, String meaning) {
        Optional<String> value = raw(key, Optional.empty(), false, "text", ANY_TEXT);
        if (value.isEmpty()) {
            missing(key, meaning);
            return "";
        }
        return value.get();
    }

    /** Text that is a secret: never shown in a message, and remembered as such; {@code allowed} says its form. */
    public Optional<String> secret(String key, String allowed) {
        return raw(key, Optional.empty(), true, "secret", allowed);
    }

    /** A positive ISO-8601 duration. */
    public Duration duration(String key, String fallback) {
        return duration(key, fallback, Duration.ofNanos(1), null);
    }

    /** An ISO-8601 duration of zero or more; {@code zeroMeans} says what zero does, e.g. "off". */
    public Duration durationOrZero(String key, String fallback, String zeroMeans) {
        return read(
                key,
                "duration",
                fallback,
                text -> {
                    Duration value = parseDuration(text);
                    if (value.isNegative()) {
                        throw new Unfit();
                    }
                    return value;
                },
                "an ISO-8601 duration, zero (PT0S: " + zeroMeans + ") or positive, e.g. PT10S");
    }

    /** An ISO-8601 duration from {@code min} to {@code max} (inclusive; {@code max} may be null for no bound). */
    public Duration duration(String key, String fallback, Duration min, Duration max) {
        String allowed = min.equals(Duration.ofNanos(1))
                ? "a positive ISO-8601 duration" + (max == null ? "" : " of at most " + written(max)) + ", e.g. PT10S"
                : "an ISO-8601 duration of at least " + written(min)
                        + (max == null ? "" : " and at most " + written(max));
        return read(
                key,
                "duration",
                fallback,
                text -> {
                    Duration value = parseDuration(text);
                    if (value.compareTo(min) < 0 || (max != null && value.compareTo(max) > 0)) {
                        throw new Unfit();
                    }
                    return value;
                },
                allowed);
    }

    /** A whole number from {@code min} to {@code max}. */
    public int integer(String key, int fallback, int min, int max) {
        return (int) wholeNumber(key, "integer", fallback, min, max, "a whole number");
    }

    /** A whole number of bytes from {@code min} to {@code max}. */
    public long bytes(String key, long fallback, long min, long max) {
        return wholeNumber(key, "bytes", fallback, min, max, "a whole number of bytes");
    }

    /** {@code true} or {@code false}, in any case. */
    public boolean bool(String key, boolean fallback) {
        return choice(key, "boolean", Boolean.toString(fallback), choices("true", true, "false", false));
    }

    /** One of the names of {@code allowed} (in any case), as the value it maps to. */
    public <T> T choice(String key, String fallback, Map<String, T> allowed) {
        return choice(key, "choice", fallback, allowed);
    }

    private <T> T choice(String key, String type, String fallback, Map<String, T> allowed) {
        String names = String.join(", ", allowed.keySet());
        return read(
                key,
                type,
                fallback,
                text -> {
                    T value = allowed.get(text.toLowerCase(Locale.ROOT));
                    if (value == null) {
                        throw new Unfit();
                    }
                    return value;
                },
                "one of " + names);
    }

    /** An absolute http(s) URL without query or fragment; a trailing slash is dropped. */
    public URI httpUrl(String key, String fallback) {
        return read(key, "URL", fallback, ConfigReader::parseHttpUrl, HTTP_URL);
    }

    /** Like {@link #httpUrl(String, String)} for a key a deployment must set; {@code meaning} says what to set. */
    public URI requiredHttpUrl(String key, String meaning) {
        Optional<String> value = raw(key, Optional.empty(), false, "URL", HTTP_URL);
        if (value.isEmpty()) {
            missing(key, meaning);
            return URI.create("https://invalid.example");
        }
        return convert(key, value.get(), URI.create("https://invalid.example"), ConfigReader::parseHttpUrl, HTTP_URL);
    }

    /** A path within the web application: starts with {@code /}, no query, fragment or {@code //}. */
    public String path(String key, String fallback) {
        return read(
                key,
                "path",
                fallback,
                text -> {
                    if (!text.startsWith("/") || text.contains("?") || text.contains("#") || text.contains("//")) {
                        throw new Unfit();
                    }
                    return text;
                },
                "a path starting with /, without ?, # or //, e.g. " + fallback);
    }

    /**
     * A value {@code parser} makes of the text; what it refuses is a problem saying why and what is {@code allowed}.
     * {@code type} names the kind of value in the documented list of keys.
     * The default is parsed the same way, so it must be valid.
     */
    public <T> T read(String key, String type, String fallback, Parser<T> parser, String allowed) {
        T defaultValue = parser.parse(fallback);
        Optional<String> value = raw(key, Optional.of(fallback), false, type, allowed);
        return value.isEmpty() ? defaultValue : convert(key, value.get(), defaultValue, parser, allowed);
    }

    /** Like {@link #read(String, String, Parser, String)} for a value read with {@link #secret(String)} (no default). */
    public <T> Optional<T> readSecret(String key, Parser<T> parser, String allowed) {
        Optional<String> value = secret(key, allowed);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(parser.parse(value.get()));
        } catch (IllegalArgumentException e) {
            refuse(key, reason(e) + "allowed: " + allowed);
            return Optional.empty();
        }
    }

    /**
     * A value that was read but may not be used as it is, for a rule across keys or a mode: the problem names the key
     * and its value (hidden for a secret) and says why.
     */
    public void refuse(String key, String why) {
        if (!keys.containsKey(key)) {
            throw new IllegalStateException(key + " was not read");
        }
        refused.add(key);
        problems.add(key + " is " + shown(key) + "; " + why);
    }

    /** A problem that is a whole sentence of its own (it names the keys concerned). */
    public void problem(String sentence) {
        problems.add(sentence);
    }

    /** Something to log at start that does not stop it. */
    public void notice(String sentence) {
        notices.add(sentence);
    }

    /** Whether the value of {@code key} was refused (then the value returned for it is only a placeholder). */
    public boolean refused(String key) {
        return refused.contains(key);
    }

    /** Whether {@code key} is set, without reading it as one of the module's keys (for keys that are gone). */
    public Optional<String> lookUp(String key) {
        return fetch(key);
    }

    /** Every key read so far, in the order read. */
    public Collection<Key> keys() {
        return List.copyOf(keys.values());
    }

    public List<String> problems() {
        return List.copyOf(problems);
    }

    public List<String> notices() {
        return List.copyOf(notices);
    }

    /** @throws InvalidConfigurationException listing every problem, when there is any */
    public void enforce() {
        if (!problems.isEmpty()) {
            throw new InvalidConfigurationException(problems);
        }
    }

    private static final String ANY_TEXT = "any text";

    private static final String HTTP_URL =
            "an absolute http or https URL without query or fragment," + " e.g. https://farm.example/console";

    private Optional<String> raw(String key, Optional<String> fallback, boolean secret, String type, String allowed) {
        if (keys.containsKey(key)) {
            throw new IllegalStateException(key + " is read twice");
        }
        keys.put(key, new Key(key, fallback, secret, type, allowed));
        Optional<String> value = fetch(key).map(String::strip).filter(v -> !v.isEmpty());
        value.ifPresent(v -> values.put(key, v));
        return value;
    }

    private Optional<String> fetch(String key) {
        try {
            return source.apply(key);
        } catch (RuntimeException e) {
            // An expression that names a missing key, a failing config source: report it as this key's problem.
            problems.add(key + " cannot be read: " + e.getClass().getSimpleName()
                    + (keys.containsKey(key) && keys.get(key).secret() ? "" : " " + e.getMessage()));
            refused.add(key);
            return Optional.empty();
        }
    }

    private <T> T convert(String key, String text, T placeholder, Parser<T> parser, String allowed) {
        try {
            return parser.parse(text);
        } catch (IllegalArgumentException e) {
            refuse(key, reason(e) + "allowed: " + allowed);
            return placeholder;
        }
    }

    private long wholeNumber(String key, String type, long fallback, long min, long max, String what) {
        return read(
                key,
                type,
                Long.toString(fallback),
                text -> {
                    long value;
                    try {
                        value = Long.parseLong(text);
                    } catch (NumberFormatException e) {
                        throw new Unfit();
                    }
                    if (value < min || value > max) {
                        throw new Unfit();
                    }
                    return value;
                },
                what + " from " + min + " to " + max);
    }

    private void missing(String key, String meaning) {
        refused.add(key);
        problems.add(key + " is not set and has no default; set it to " + meaning);
    }

    /** The parser's own reason, when it gives one beyond "not allowed". */
    private static String reason(IllegalArgumentException e) {
        String message = e.getMessage();
        return e instanceof Unfit || message == null || message.isBlank() ? "" : message + "; ";
    }

    /** Refused by one of the reader's own parsers, whose "allowed" says it all. */
    private static final class Unfit extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;
    }

    private String shown(String key) {
        if (keys.get(key).secret()) {
            return HIDDEN;
        }
        String value = values.get(key);
        if (value == null) {
            return "not set";
        }
        StringBuilder shown = new StringBuilder("\"");
        value.codePoints().limit(SHOWN_CHARS).forEach(c -> shown.appendCodePoint(Character.isISOControl(c) ? '?' : c));
        return shown.append(value.length() > SHOWN_CHARS ? "…\"" : "\"").toString();
    }

    /** Whole days as days ({@code P179D}), not as hours as {@link Duration#toString()} writes them. */
    static String written(Duration duration) {
        return duration.getNano() == 0 && duration.getSeconds() % 86_400 == 0 && !duration.isZero()
                ? "P" + duration.toDays() + "D"
                : duration.toString();
    }

    private static Duration parseDuration(String text) {
        try {
            return Duration.parse(text);
        } catch (DateTimeParseException e) {
            throw new Unfit();
        }
    }

    private static URI parseHttpUrl(String text) {
        String trimmed = text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
        URI uri;
        try {
            uri = new URI(trimmed);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a URL (" + e.getReason() + ")");
        }
        if (!uri.isAbsolute()
                || uri.getHost() == null
                || !("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()))
                || uri.getRawQuery() != null
                || uri.getRawFragment() != null) {
            throw new Unfit();
        }
        return uri;
    }

    private static <T> Map<String, T> choices(String a, T first, String b, T second) {
        Map<String, T> map = new LinkedHashMap<>();
        map.put(a, first);
        map.put(b, second);
        return map;
    }
}
