package dev.printfarm.appconnection.impl.moonraker;

import jakarta.json.bind.annotation.JsonbProperty;
import java.util.List;

/** {@code GET /server/info}; {@code api_version} is an array of numbers, {@code api_version_string} its text. */
public record MoonrakerServerInfoAnswer(
        @JsonbProperty("klippy_connected") Boolean klippyConnected,
        @JsonbProperty("klippy_state") String klippyState,
        @JsonbProperty("moonraker_version") String moonrakerVersion,
        @JsonbProperty("api_version_string") String apiVersionString,
        @JsonbProperty("api_version") List<String> apiVersion,
        List<String> components,
        @JsonbProperty("failed_components") List<String> failedComponents,
        @JsonbProperty("registered_directories") List<String> registeredDirectories,
        List<String> warnings,
        @JsonbProperty("websocket_count") Integer websocketCount) {}
