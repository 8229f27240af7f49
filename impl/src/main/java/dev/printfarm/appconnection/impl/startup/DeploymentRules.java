package dev.printfarm.appconnection.impl.startup;

import dev.printfarm.appconnection.impl.internal.ModuleConfig;
import dev.printfarm.appconnection.impl.relay.RelayUrlPolicy;
import dev.printfarm.appconnection.impl.route.LanPolicy;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What the configuration must satisfy before the module touches its store. Each problem is one sentence that names
 * the key and what to set; outside demo mode the demo's shortcuts are problems too.
 */
final class DeploymentRules {

    private final List<String> problems = new ArrayList<>();

    /** Reads one part of the configuration; a value it refuses becomes a problem instead of ending the check. */
    <T> Optional<T> read(Supplier<T> part) {
        try {
            return Optional.of(part.get());
        } catch (IllegalStateException e) {
            problems.add(e.getMessage());
            return Optional.empty();
        }
    }

    void removedDemoKey(Optional<String> value) {
        if (value.isPresent()) {
            problems.add("Configuration " + ModuleConfig.REMOVED_DEMO + " is gone: demo mode now follows "
                    + ModuleConfig.SERVICE_URL + " (on only for a sandbox on localhost or a loopback address); remove "
                    + ModuleConfig.REMOVED_DEMO + ".");
        }
    }

    void publicBaseUrl(boolean demoMode, URI url) {
        if (!demoMode && !"https".equalsIgnoreCase(url.getScheme())) {
            problems.add("Configuration " + ModuleConfig.PUBLIC_BASE_URL + " must be an https URL outside demo mode"
                    + " (the portal's callback carries the connection's secrets in its query string), was " + url
                    + ": set it to the https address of the application, e.g. https://farm.example/console.");
        }
    }

    void relayUrls(boolean demoMode, RelayUrlPolicy policy) {
        if (demoMode) {
            return;
        }
        List<String> foreign = policy.hostsOutsideOctoEverywhere();
        if (!foreign.isEmpty()) {
            problems.add("Configuration " + ModuleConfig.RELAY_ALLOWED_HOSTS + " admits hosts that are not"
                    + " OctoEverywhere's (" + String.join(", ", foreign) + "): outside demo mode list only"
                    + " octoeverywhere.com or its subdomains, e.g. the default " + ModuleConfig.DEFAULT_RELAY_HOSTS + ".");
        }
        if (policy.allowsHttp()) {
            problems.add("Configuration " + ModuleConfig.RELAY_ALLOW_HTTP + "=true is for a sandbox on this machine"
                    + " only: outside demo mode relays are https; remove it or set it to false.");
        }
    }

    void lanRanges(boolean demoMode, LanPolicy policy) {
        List<String> special = policy.specialRanges();
        if (!demoMode && !special.isEmpty()) {
            problems.add("Configuration " + ModuleConfig.LAN_ALLOWED_RANGES + " reaches loopback, link-local,"
                    + " multicast, unspecified or broadcast addresses (" + String.join(", ", special) + "): outside demo"
                    + " mode list only your printers' networks, e.g. the default " + ModuleConfig.DEFAULT_LAN_RANGES + ".");
        }
    }

    List<String> problems() {
        return List.copyOf(problems);
    }

    /** @throws IllegalStateException with every problem, one per line, when there is any */
    void enforce() {
        if (problems.isEmpty()) {
            return;
        }
        throw new IllegalStateException(problems.size() == 1
                ? "The App Connections module will not start: " + problems.get(0)
                : "The App Connections module will not start:\n - " + String.join("\n - ", problems));
    }
}
