package dev.printfarm.appconnection.impl.startup;

import dev.printfarm.appconnection.impl.appapi.InfoSettings;
import dev.printfarm.appconnection.impl.cluster.ClusterSettings;
import dev.printfarm.appconnection.impl.config.ConfigReader;
import dev.printfarm.appconnection.impl.config.InvalidConfigurationException;
import dev.printfarm.appconnection.impl.config.ServiceSettings;
import dev.printfarm.appconnection.impl.fleet.FleetSettings;
import dev.printfarm.appconnection.impl.gadget.GadgetSettings;
import dev.printfarm.appconnection.impl.live.PushSettings;
import dev.printfarm.appconnection.impl.live.WebcamSettings;
import dev.printfarm.appconnection.impl.portal.PortalSettings;
import dev.printfarm.appconnection.impl.relay.RelaySettings;
import dev.printfarm.appconnection.impl.route.LanSettings;
import dev.printfarm.appconnection.impl.route.LimitSettings;
import dev.printfarm.appconnection.impl.store.StoreSettings;
import dev.printfarm.appconnection.impl.webhook.WebhookSettings;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.microprofile.config.Config;

/**
 * Every setting of the module, one record per area, read from the configuration once when the module starts and
 * checked as a whole: each value on its own, the rules across keys, and, outside demo mode, the demo's shortcuts
 * ({@link DeploymentRules}).
 *
 * @param notices what to log at start that does not stop it (a key that is gone, a key the module does not know)
 */
public record ModuleSettings(
        ServiceSettings service,
        PortalSettings portal,
        StoreSettings store,
        RelaySettings relay,
        LanSettings lan,
        LimitSettings limits,
        InfoSettings info,
        ClusterSettings cluster,
        GadgetSettings gadget,
        WebcamSettings webcam,
        PushSettings push,
        FleetSettings fleet,
        WebhookSettings webhooks,
        List<String> notices) {

    /** Gone: demo mode follows {@link ServiceSettings#SERVICE_URL}. A value still set for it fails the start. */
    public static final String REMOVED_DEMO = "appconnection.demo";
    /** Gone: a delivery is remembered as long as the token that delivered it is accepted. */
    public static final String REMOVED_WEBHOOK_DEDUPE_WINDOW = "appconnection.webhooks.dedupe-window";

    /**
     * Keys under {@code appconnection.} that are Liberty's server variables (the store's data source), not the
     * module's: {@code appconnection.store} and {@code appconnection.jdbc.dir} themselves, and those under the prefixes.
     */
    static final List<String> SERVER_VARIABLES = List.of(
            "appconnection.store", "appconnection.jdbc.dir", "appconnection.derby.", "appconnection.postgresql.");

    public ModuleSettings {
        notices = List.copyOf(notices);
    }

    /**
     * Reads and checks the whole configuration.
     *
     * @throws InvalidConfigurationException listing every problem
     */
    public static ModuleSettings load(Config config) {
        ConfigReader in = ConfigReader.of(config);
        ModuleSettings settings = read(in);
        in.enforce();
        return settings.withNotices(unknownKeys(config.getPropertyNames(), in));
    }

    /** Reads every key; what it refuses is left in {@code in}'s problems, and the settings are then not to be used. */
    static ModuleSettings read(ConfigReader in) {
        ServiceSettings service = ServiceSettings.read(in);
        PortalSettings portal = PortalSettings.read(in);
        StoreSettings store = StoreSettings.read(in, service);
        RelaySettings relay = RelaySettings.read(in, service);
        LanSettings lan = LanSettings.read(in, service);
        LimitSettings limits = LimitSettings.read(in);
        InfoSettings info = InfoSettings.read(in);
        ClusterSettings cluster = ClusterSettings.read(in);
        GadgetSettings gadget = GadgetSettings.read(in);
        WebcamSettings webcam = WebcamSettings.read(in);
        PushSettings push = PushSettings.read(in);
        FleetSettings fleet = FleetSettings.read(in);
        WebhookSettings webhooks = WebhookSettings.read(in);
        if (webhooks.path().equals(portal.callbackPath())) {
            in.refuse(
                    WebhookSettings.PATH,
                    "it must differ from " + PortalSettings.CALLBACK_PATH + ", which is the same path");
        }
        in.lookUp(REMOVED_DEMO)
                .ifPresent(v -> in.problem(REMOVED_DEMO + " is gone: demo mode now follows "
                        + ServiceSettings.SERVICE_URL
                        + " (on only for a sandbox on localhost or a loopback address); remove "
                        + REMOVED_DEMO + "."));
        in.lookUp(REMOVED_WEBHOOK_DEDUPE_WINDOW)
                .ifPresent(v -> in.notice(REMOVED_WEBHOOK_DEDUPE_WINDOW
                        + " is no longer used and can go: a webhook delivery is now remembered for as long as the token that"
                        + " delivered it is accepted."));
        ModuleSettings settings = new ModuleSettings(
                service,
                portal,
                store,
                relay,
                lan,
                limits,
                info,
                cluster,
                gadget,
                webcam,
                push,
                fleet,
                webhooks,
                in.notices());
        DeploymentRules.check(settings, in);
        return settings;
    }

    private ModuleSettings withNotices(List<String> more) {
        List<String> all = new java.util.ArrayList<>(notices);
        all.addAll(more);
        return new ModuleSettings(
                service, portal, store, relay, lan, limits, info, cluster, gadget, webcam, push, fleet, webhooks, all);
    }

    /** One notice for the {@code appconnection.} keys that are set but that the module does not read (a typo?). */
    static List<String> unknownKeys(Iterable<String> configured, ConfigReader in) {
        Set<String> known = new TreeSet<>();
        in.keys().forEach(key -> known.add(key.name()));
        known.add(REMOVED_DEMO);
        known.add(REMOVED_WEBHOOK_DEDUPE_WINDOW);
        Set<String> unknown = new TreeSet<>();
        for (String name : configured) {
            if (name.startsWith("appconnection.")
                    && !known.contains(name)
                    && SERVER_VARIABLES.stream()
                            .noneMatch(v -> v.endsWith(".") ? name.startsWith(v) : name.equals(v))) {
                unknown.add(name);
            }
        }
        return unknown.isEmpty()
                ? List.of()
                : List.of("Configuration keys the module does not know, ignored (a" + " typo?): "
                        + String.join(", ", unknown) + ".");
    }
}
