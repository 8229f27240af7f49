package dev.printfarm.appconnection.bench.run;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Objects;

/** A step's settings, from the query string of the request that started it; a bad value names the key. */
public final class Params {

    private final Map<String, String> values;

    public Params(Map<String, String> values) {
        this.values = Map.copyOf(values);
    }

    public int integer(String key, int fallback, int min, int max) {
        String raw = values.get(key);
        if (raw == null) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(raw.strip());
            if (value < min || value > max) {
                throw new IllegalArgumentException(key + " must be between " + min + " and " + max + ", was " + value);
            }
            return value;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a whole number, was '" + raw + "'");
        }
    }

    public Duration duration(String key, Duration fallback, Duration min, Duration max) {
        String raw = values.get(key);
        if (raw == null) {
            return fallback;
        }
        try {
            Duration value = Duration.parse(raw.strip());
            if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
                throw new IllegalArgumentException(key + " must be between " + min + " and " + max + ", was " + value);
            }
            return value;
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(key + " must be an ISO-8601 duration such as PT60S, was '" + raw + "'");
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Params p && values.equals(p.values);
    }

    @Override
    public int hashCode() {
        return Objects.hash(values);
    }

    @Override
    public String toString() {
        return "Params" + values;
    }
}
