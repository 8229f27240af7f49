package dev.printfarm.appconnection.bench.storm;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** Named pass/fail checks in the order they were made; a check that cannot be evaluated (NaN) is missed. Not thread-safe. */
public final class Targets {

    private final Map<String, Boolean> checks = new LinkedHashMap<>();

    public Targets check(String name, boolean met) {
        if (checks.putIfAbsent(name, met) != null) {
            throw new IllegalArgumentException("target checked twice: " + name);
        }
        return this;
    }

    /** {@code value >= floor}; NaN misses. */
    public Targets atLeast(String name, double value, double floor) {
        return check(name, !Double.isNaN(value) && value >= floor);
    }

    /** {@code value <= ceiling}; NaN misses. */
    public Targets atMost(String name, double value, double ceiling) {
        return check(name, !Double.isNaN(value) && value <= ceiling);
    }

    public boolean met() {
        return !checks.containsValue(Boolean.FALSE);
    }

    /** The missed checks' names joined by commas, or {@code none}. */
    public String missed() {
        String missed = checks.entrySet().stream()
                .filter(e -> !e.getValue())
                .map(Map.Entry::getKey)
                .collect(Collectors.joining(","));
        return missed.isEmpty() ? "none" : missed;
    }
}
