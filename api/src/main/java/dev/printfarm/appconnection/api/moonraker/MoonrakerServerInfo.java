package dev.printfarm.appconnection.api.moonraker;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Moonraker's {@code /server/info}.
 *
 * @param klippyConnected whether Moonraker is connected to Klippy
 * @param klippyState     {@code ready}, {@code startup}, {@code shutdown}, {@code error} or {@code disconnected}
 * @param apiVersion      e.g. {@code 1.5.0}
 * @param websocketCount  Moonraker's open websockets
 */
public record MoonrakerServerInfo(
        boolean klippyConnected,
        Optional<String> klippyState,
        Optional<String> moonrakerVersion,
        Optional<String> apiVersion,
        List<String> components,
        List<String> failedComponents,
        List<String> registeredDirectories,
        List<String> warnings,
        OptionalInt websocketCount) {
    public MoonrakerServerInfo {
        Objects.requireNonNull(klippyState, "klippyState");
        Objects.requireNonNull(moonrakerVersion, "moonrakerVersion");
        Objects.requireNonNull(apiVersion, "apiVersion");
        components = List.copyOf(components);
        failedComponents = List.copyOf(failedComponents);
        registeredDirectories = List.copyOf(registeredDirectories);
        warnings = List.copyOf(warnings);
        Objects.requireNonNull(websocketCount, "websocketCount");
    }
}
