package dev.printfarm.appconnection.impl.error;

import dev.printfarm.appconnection.api.error.ErrorDetails;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns what a printer sent as an error body into text an exception may keep, whatever the printer sent: at most
 * {@link ErrorDetails#MAX_BODY_CHARS} characters, decoded as UTF-8 (bad bytes replaced), no control or invisible
 * formatting characters but line feed and tab, nothing at all for a binary body, and none of the request's secrets:
 * the exact values (also URL-, JSON- and Base64-encoded, and the parts of a Basic pair) and whatever is written as a
 * credential ({@code Authorization: ...}, {@code "apikey": "..."}, {@code Bearer ...}) become {@code ***}.
 */
public final class ErrorBodies {

    /** How much of the body is decoded: enough for the kept text even after secrets shrink to {@code ***}. */
    static final int WINDOW_BYTES = 4 * ErrorDetails.MAX_BODY_CHARS;
    /** A shorter value cannot be told apart from ordinary text, and no credential is that short. */
    static final int MIN_SECRET_LENGTH = 4;

    static final String MASK = "***";
    private static final char REPLACEMENT = '\uFFFD';

    private static final Pattern HEADER_LINE = Pattern.compile(
            "(?im)^(\\s*(?:proxy-)?(?:authorization|x-api-key|api-key|cookie|set-cookie)\\s*:\\s*)\\S.*$");
    private static final Pattern SCHEME_TOKEN = Pattern.compile("(?i)\\b(basic|bearer)(\\s+)[A-Za-z0-9._~+/=-]+");
    private static final Pattern JSON_SECRET = Pattern.compile(
            "(?i)(\"[^\"\\n]{0,40}(?:session|token|secret|passw|apikey|api_key|api-key|auth)[^\"\\n]{0,40}\"\\s*:\\s*)\"[^\"\\n]*\"?");
    private static final Pattern ASSIGNED_SECRET = Pattern.compile(
            "(?i)\\b((?:access_|api_|api-)?(?:token|apikey|key|password|passwd|secret|auth)=)[^&\\s\"'<>]+");

    private ErrorBodies() {}

    /**
     * The text to keep of {@code body}, or empty when there is none worth keeping.
     *
     * @param cut         whether more of the body followed {@code body}
     * @param contentType the answer's content type, when it named one
     * @param secrets     the values of the request's authenticating headers
     */
    public static Optional<String> text(
            byte[] body, boolean cut, Optional<String> contentType, Collection<String> secrets) {
        if (body.length == 0 || binaryType(contentType)) {
            return Optional.empty();
        }
        int length = Math.min(body.length, WINDOW_BYTES);
        for (int i = 0; i < length; i++) {
            if (body[i] == 0) {
                return Optional.empty();
            }
        }
        String text = new String(body, 0, length, StandardCharsets.UTF_8);
        if (mostlyUndecodable(text)) {
            return Optional.empty();
        }
        Set<String> variants = variants(secrets);
        if (cut || body.length > WINDOW_BYTES) {
            // A secret cut off at the end of the window would escape the exact match: the tail that could hold its
            // start goes, too.
            int longest = variants.stream().mapToInt(String::length).max().orElse(0);
            text = text.substring(0, Math.max(0, text.length() - longest));
        }
        String clean = scrub(printable(text), variants).strip();
        if (clean.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(capped(clean));
    }

    /**
     * A short text taken from a body (an explanation read out of its JSON, whose escapes are decoded by then) cleaned
     * the same way: no control characters, no secrets.
     */
    public static String clean(String text, Collection<String> secrets) {
        return scrub(printable(text), variants(secrets));
    }

    /** Removes the secrets and whatever is written as a credential from a text. */
    static String scrub(String text, Set<String> variants) {
        String out = text;
        for (String secret : variants) {
            out = out.replace(secret, MASK);
        }
        out = HEADER_LINE.matcher(out).replaceAll("$1" + MASK);
        out = SCHEME_TOKEN.matcher(out).replaceAll("$1$2" + MASK);
        out = JSON_SECRET.matcher(out).replaceAll("$1\"" + MASK + "\"");
        return ASSIGNED_SECRET.matcher(out).replaceAll("$1" + MASK);
    }

    /** Every form in which a request's secret might come back, longest first. */
    static Set<String> variants(Collection<String> secrets) {
        Set<String> raw = new LinkedHashSet<>();
        for (String value : secrets) {
            if (value == null) {
                continue;
            }
            String v = value.strip();
            raw.add(v);
            String[] scheme = v.split("\\s+", 2);
            if (scheme.length == 2 && (scheme[0].equalsIgnoreCase("basic") || scheme[0].equalsIgnoreCase("bearer"))) {
                raw.add(scheme[1]);
                if (scheme[0].equalsIgnoreCase("basic")) {
                    basicParts(scheme[1], raw);
                }
            }
        }
        Set<String> all = new LinkedHashSet<>();
        for (String v : raw) {
            if (v.length() < MIN_SECRET_LENGTH) {
                continue;
            }
            all.add(v);
            all.add(URLEncoder.encode(v, StandardCharsets.UTF_8));
            all.add(v.replace("\\", "\\\\").replace("\"", "\\\"").replace("/", "\\/"));
            all.add(Base64.getEncoder().encodeToString(v.getBytes(StandardCharsets.UTF_8)));
        }
        Set<String> longestFirst = new java.util.TreeSet<>(
                Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder()));
        all.stream().filter(v -> v.length() >= MIN_SECRET_LENGTH).forEach(longestFirst::add);
        return longestFirst;
    }

    private static void basicParts(String encoded, Set<String> raw) {
        try {
            String pair = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
            raw.add(pair);
            int colon = pair.indexOf(':');
            if (colon >= 0) {
                raw.add(pair.substring(0, colon));
                raw.add(pair.substring(colon + 1));
            }
        } catch (IllegalArgumentException notBase64) {
            // the value itself is masked all the same
        }
    }

    /** Line ends become {@code \n}; other control and invisible formatting characters become U+FFFD. */
    static String printable(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\r') {
                out.append('\n');
                if (i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
            } else if (c == '\n' || c == '\t') {
                out.append(c);
            } else if (Character.isISOControl(c)
                    || Character.getType(c) == Character.FORMAT
                    || (Character.isSurrogate(c) && !pairedSurrogate(text, i))) {
                out.append(REPLACEMENT);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static boolean pairedSurrogate(String text, int i) {
        char c = text.charAt(i);
        return Character.isHighSurrogate(c)
                ? i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))
                : i > 0 && Character.isHighSurrogate(text.charAt(i - 1));
    }

    private static String capped(String text) {
        int max = ErrorDetails.MAX_BODY_CHARS;
        if (text.length() <= max) {
            return text;
        }
        int end = max - 1;
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end) + "…";
    }

    private static boolean binaryType(Optional<String> contentType) {
        String type = contentType
                .map(t -> t.split(";", 2)[0].strip().toLowerCase(Locale.ROOT))
                .orElse("");
        return type.startsWith("image/")
                || type.startsWith("video/")
                || type.startsWith("audio/")
                || type.equals("application/octet-stream")
                || type.startsWith("multipart/")
                || type.equals("application/zip")
                || type.equals("application/gzip");
    }

    /** More than one character in eight could not be decoded: not text. */
    private static boolean mostlyUndecodable(String text) {
        long bad = text.chars().filter(c -> c == REPLACEMENT).count();
        return bad * 8 > text.length();
    }
}
