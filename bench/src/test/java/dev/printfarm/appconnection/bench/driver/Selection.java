package dev.printfarm.appconnection.bench.driver;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which scenarios a run makes, from {@code -Dbench.only=a,b}: blank means every one. Names are checked against the
 * known scenarios so that a typo fails the run instead of silently running nothing.
 */
record Selection(Set<String> only) {

    Selection {
        only = Set.copyOf(only);
    }

    static Selection parse(String text, List<String> known) {
        Set<String> names = text == null
                ? Set.of()
                : Arrays.stream(text.split(","))
                        .map(String::strip)
                        .filter(s -> !s.isEmpty())
                        .collect(Collectors.toCollection(LinkedHashSet::new));
        Set<String> unknown =
                names.stream().filter(n -> !known.contains(n)).collect(Collectors.toCollection(LinkedHashSet::new));
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException(
                    "bench.only names unknown scenarios " + unknown + "; known are " + String.join(", ", known));
        }
        return new Selection(names);
    }

    boolean includes(String scenario) {
        return only.isEmpty() || only.contains(scenario);
    }

    boolean includesAny(String... scenarios) {
        return Arrays.stream(scenarios).anyMatch(this::includes);
    }
}
