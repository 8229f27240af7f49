package dev.printfarm.appconnection.impl.json;

import java.util.regex.Pattern;

/**
 * The start of a body for an exception message: at most {@value #LENGTH} characters on one line, with whatever may be
 * a secret masked (values of keys that name one, and long opaque tokens such as keys and session ids).
 */
public final class Excerpt {

    static final int LENGTH = 200;
    private static final Pattern SECRET_VALUE = Pattern.compile(
            "(?i)(\"[^\"]{0,40}(?:session|token|secret|passw|key|auth)[^\"]{0,40}\"\\s*:\\s*)\"[^\"]*\"?");
    private static final Pattern OPAQUE = Pattern.compile("[A-Za-z0-9+/=_-]{24,}");

    private Excerpt() {}

    public static String of(String body) {
        if (body == null) {
            return "";
        }
        // Masked over a wider window than is kept, so that a secret cut at the end is masked too.
        String window = body.length() > 2 * LENGTH ? body.substring(0, 2 * LENGTH) : body;
        String oneLine = window.replaceAll("[\\p{Cntrl}\\s]+", " ").strip();
        String masked = OPAQUE.matcher(SECRET_VALUE.matcher(oneLine).replaceAll("$1\"***\""))
                .replaceAll("***");
        return masked.length() > LENGTH ? masked.substring(0, LENGTH) + "…" : masked;
    }
}
