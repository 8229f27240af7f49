package dev.printfarm.appconnection.impl.startup;

import dev.printfarm.appconnection.impl.config.ConfigReader;
import dev.printfarm.appconnection.impl.config.ServiceSettings;
import dev.printfarm.appconnection.impl.relay.RelaySettings;
import dev.printfarm.appconnection.impl.route.LanSettings;
import java.util.List;

/**
 * What the configuration must satisfy outside demo mode, where the demo's shortcuts are problems: a plain-http public
 * URL, relays that are not OctoEverywhere's or not https, LAN ranges that reach loopback and the like. (The store's
 * keys follow the same rule in {@code StoreSettings}.) A key whose value was refused already is not judged again, and
 * none is when the service URL, which decides demo mode, was refused.
 */
final class DeploymentRules {

    private DeploymentRules() {}

    static void check(ModuleSettings settings, ConfigReader in) {
        if (settings.service().demoMode() || in.refused(ServiceSettings.SERVICE_URL)) {
            return;
        }
        if (!in.refused(ServiceSettings.PUBLIC_BASE_URL)
                && !"https".equalsIgnoreCase(settings.service().publicBaseUrl().getScheme())) {
            in.refuse(
                    ServiceSettings.PUBLIC_BASE_URL,
                    "outside demo mode it must be an https URL (the portal's"
                            + " callback carries the connection's secrets in its query string): set it to the https address of"
                            + " the application, e.g. https://farm.example/console.");
        }
        List<String> foreign = settings.relay().urls().hostsOutsideOctoEverywhere();
        if (!in.refused(RelaySettings.ALLOWED_HOSTS) && !foreign.isEmpty()) {
            in.refuse(
                    RelaySettings.ALLOWED_HOSTS,
                    "it admits hosts that are not OctoEverywhere's ("
                            + String.join(", ", foreign) + "): outside demo mode list only octoeverywhere.com or its"
                            + " subdomains, e.g. the default " + RelaySettings.DEFAULT_HOSTS + ".");
        }
        if (!in.refused(RelaySettings.ALLOW_HTTP) && settings.relay().urls().allowsHttp()) {
            in.refuse(
                    RelaySettings.ALLOW_HTTP,
                    "true is for a sandbox on this machine only: outside demo mode relays"
                            + " are https; remove it or set it to false.");
        }
        List<String> special = settings.lan().allowed().specialRanges();
        if (!in.refused(LanSettings.ALLOWED_RANGES) && !special.isEmpty()) {
            in.refuse(
                    LanSettings.ALLOWED_RANGES,
                    "it reaches loopback, link-local, multicast, unspecified or"
                            + " broadcast addresses (" + String.join(", ", special)
                            + "): outside demo mode list only your"
                            + " printers' networks, e.g. the default " + LanSettings.DEFAULT_RANGES + ".");
        }
    }
}
