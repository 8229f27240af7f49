package dev.printfarm.appconnection.sandbox.octoprint;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Scripted answers per printer, at most one per method and path. Thread-safe. */
@ApplicationScoped
public class ScriptedResponses {

    private final Map<String, Map<String, ScriptedResponse>> byPrinter = new ConcurrentHashMap<>();

    /** Replaces the script for the same method and path, if there is one. */
    public void put(String printerId, ScriptedResponse script) {
        byPrinter
                .computeIfAbsent(printerId, id -> new ConcurrentHashMap<>())
                .put(key(script.method(), script.path()), script);
    }

    public boolean remove(String printerId, String method, String path) {
        Map<String, ScriptedResponse> scripts = byPrinter.get(printerId);
        return scripts != null && scripts.remove(key(method, path)) != null;
    }

    public void removeAll(String printerId) {
        byPrinter.remove(printerId);
    }

    public Optional<ScriptedResponse> find(String printerId, String method, String path) {
        return Optional.ofNullable(byPrinter.getOrDefault(printerId, Map.of()).get(key(method, path)));
    }

    public List<ScriptedResponse> forPrinter(String printerId) {
        List<ScriptedResponse> scripts =
                new ArrayList<>(byPrinter.getOrDefault(printerId, Map.of()).values());
        scripts.sort((a, b) -> key(a.method(), a.path()).compareTo(key(b.method(), b.path())));
        return scripts;
    }

    public void clear() {
        byPrinter.clear();
    }

    private static String key(String method, String path) {
        return path + " " + method.toUpperCase(Locale.ROOT);
    }
}
