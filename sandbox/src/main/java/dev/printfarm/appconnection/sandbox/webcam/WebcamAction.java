package dev.printfarm.appconnection.sandbox.webcam;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What a request to mjpg-streamer's {@code /webcam/?action=…} asks for. */
public enum WebcamAction {
    SNAPSHOT,
    STREAM;

    /**
     * Only a GET of {@code /webcam/} (or {@code /webcam}) with {@code action=snapshot} or {@code action=stream}; any
     * other request there is left to the emulated OctoPrint, which answers 404.
     */
    public static Optional<WebcamAction> of(String method, String path, Map<String, List<String>> query) {
        if (!"GET".equals(method) || !("/webcam/".equals(path) || "/webcam".equals(path))) {
            return Optional.empty();
        }
        List<String> actions = query.getOrDefault("action", List.of());
        if (actions.isEmpty()) {
            return Optional.empty();
        }
        return switch (actions.get(0)) {
            case "snapshot" -> Optional.of(SNAPSHOT);
            case "stream" -> Optional.of(STREAM);
            default -> Optional.empty();
        };
    }
}
