package dev.printfarm.appconnection.sandbox.octoprint;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A printer-side path resolved to its endpoint.
 *
 * @param params the path's variable parts in order: location and file path, or source and action
 */
public record Route(Endpoint endpoint, List<String> params) {

    private static final Map<String, Endpoint> FIXED = Map.ofEntries(
            Map.entry("/api/version", Endpoint.VERSION),
            Map.entry("/api/server", Endpoint.SERVER),
            Map.entry("/api/login", Endpoint.LOGIN),
            Map.entry("/api/connection", Endpoint.CONNECTION),
            Map.entry("/api/printer", Endpoint.PRINTER),
            Map.entry("/api/printer/tool", Endpoint.TOOL),
            Map.entry("/api/printer/bed", Endpoint.BED),
            Map.entry("/api/printer/chamber", Endpoint.CHAMBER),
            Map.entry("/api/printer/printhead", Endpoint.PRINTHEAD),
            Map.entry("/api/printer/command", Endpoint.COMMAND),
            Map.entry("/api/job", Endpoint.JOB),
            Map.entry("/api/files", Endpoint.FILES),
            Map.entry("/api/settings", Endpoint.SETTINGS),
            Map.entry("/api/webcams", Endpoint.WEBCAMS),
            Map.entry("/api/printerprofiles", Endpoint.PRINTER_PROFILES),
            Map.entry("/api/system/commands", Endpoint.SYSTEM_COMMANDS),
            Map.entry(OctoPrintApi.PLUGIN_PATH, Endpoint.PLUGIN));

    public Route {
        params = List.copyOf(params);
    }

    /** Empty for a path no endpoint answers: 404. */
    public static Optional<Route> of(String path) {
        Endpoint fixed = FIXED.get(path);
        if (fixed != null) {
            return Optional.of(new Route(fixed, List.of()));
        }
        return located(path, "/api/files/", Endpoint.FILES_AT_LOCATION, Endpoint.FILE)
                .or(() -> located(path, "/downloads/files/", null, Endpoint.DOWNLOAD))
                .or(() -> systemCommand(path));
    }

    public String location() {
        return params.get(0);
    }

    /** The file path under the location, for FILE and DOWNLOAD. */
    public String filePath() {
        return params.get(1);
    }

    private static Optional<Route> located(String path, String prefix, Endpoint atLocation, Endpoint onFile) {
        if (!path.startsWith(prefix)) {
            return Optional.empty();
        }
        String rest = path.substring(prefix.length());
        int slash = rest.indexOf('/');
        if (slash < 0) {
            return rest.isEmpty() || atLocation == null
                    ? Optional.empty()
                    : Optional.of(new Route(atLocation, List.of(rest)));
        }
        String location = rest.substring(0, slash);
        String filePath = rest.substring(slash + 1);
        if (location.isEmpty() || filePath.isEmpty() || filePath.endsWith("/")) {
            return Optional.empty();
        }
        return Optional.of(new Route(onFile, List.of(location, filePath)));
    }

    private static Optional<Route> systemCommand(String path) {
        String prefix = "/api/system/commands/";
        if (!path.startsWith(prefix)) {
            return Optional.empty();
        }
        String[] parts = path.substring(prefix.length()).split("/", -1);
        if (parts.length != 2 || parts[0].isEmpty() || parts[1].isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Route(Endpoint.SYSTEM_COMMAND, List.of(parts[0], parts[1])));
    }
}
