package dev.printfarm.appconnection.bench.measure;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One scenario's figures as the single line the benchmark prints: {@code RESULT <scenario> key=value … ratio=<x>}.
 * Keys keep the order they were put in; {@code ratio} always comes last. Values never contain white space, so the
 * line splits on blanks. Not thread-safe.
 */
public final class ResultLine {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_-]*");
    private static final Pattern VALUE = Pattern.compile("[^\\s=]+");

    private final String scenario;
    private final Map<String, String> values = new LinkedHashMap<>();

    private ResultLine(String scenario) {
        this.scenario = checkedName(scenario);
    }

    public static ResultLine of(String scenario) {
        return new ResultLine(scenario);
    }

    public ResultLine put(String key, long value) {
        return put(key, Long.toString(value));
    }

    /** A measured quantity, rounded half-up to {@code decimals} places. */
    public ResultLine put(String key, double value, int decimals) {
        return put(key, decimal(value, decimals));
    }

    public ResultLine put(String key, String value) {
        String name = checkedName(key);
        if (name.equals("ratio")) {
            throw new IllegalArgumentException("ratio is given last, with withRatio()");
        }
        Objects.requireNonNull(value, key);
        if (!VALUE.matcher(value).matches()) {
            throw new IllegalArgumentException("a value has no blanks and no '=': " + key + "=" + value);
        }
        if (values.putIfAbsent(name, value) != null) {
            throw new IllegalArgumentException("key given twice: " + key);
        }
        return this;
    }

    /** The finished line, with the ratio to two decimals; a ratio that could not be measured prints as {@code NaN}. */
    public String withRatio(double ratio) {
        StringBuilder line = new StringBuilder("RESULT ").append(scenario);
        values.forEach((k, v) -> line.append(' ').append(k).append('=').append(v));
        return line.append(" ratio=").append(decimal(ratio, 2)).toString();
    }

    /** {@code value} with exactly {@code decimals} places, '.' as the separator; NaN and infinities by name. */
    public static String decimal(double value, int decimals) {
        if (decimals < 0 || decimals > 6) {
            throw new IllegalArgumentException("0 to 6 decimals, not " + decimals);
        }
        if (Double.isNaN(value)) {
            return "NaN";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "Infinity" : "-Infinity";
        }
        return new java.math.BigDecimal(Double.toString(value))
                .setScale(decimals, java.math.RoundingMode.HALF_UP)
                .toPlainString();
    }

    private static String checkedName(String name) {
        Objects.requireNonNull(name, "name");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("names are lower case letters, digits, '_' and '-': " + name);
        }
        return name.toLowerCase(Locale.ROOT);
    }
}
