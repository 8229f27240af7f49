package dev.printfarm.appconnection.impl;

import dev.printfarm.appconnection.api.AppConnection;
import dev.printfarm.appconnection.api.AppConnectionService;
import dev.printfarm.appconnection.api.BrowserResponse;
import dev.printfarm.appconnection.api.CircuitState;
import dev.printfarm.appconnection.api.ConnectionRoute;
import dev.printfarm.appconnection.api.PortalRequest;
import dev.printfarm.appconnection.api.PrinterDiscovery;
import dev.printfarm.appconnection.api.SecretRotation;
import dev.printfarm.appconnection.api.Subscription;
import dev.printfarm.appconnection.api.appapi.GadgetListener;
import dev.printfarm.appconnection.api.appapi.GadgetStatus;
import dev.printfarm.appconnection.api.appapi.LiveLink;
import dev.printfarm.appconnection.api.appapi.LiveLinkOptions;
import dev.printfarm.appconnection.api.appapi.NotificationEvent;
import dev.printfarm.appconnection.api.appapi.PrinterInfo;
import dev.printfarm.appconnection.api.appapi.WebhookRegistration;
import dev.printfarm.appconnection.api.appapi.WebhookTest;
import dev.printfarm.appconnection.api.error.UnknownConnectionException;
import dev.printfarm.appconnection.api.event.ConnectionRemoved;
import dev.printfarm.appconnection.api.fleet.PrinterView;
import dev.printfarm.appconnection.api.octoprint.OctoPrintClient;
import dev.printfarm.appconnection.api.stream.PushListener;
import dev.printfarm.appconnection.api.stream.Webcam;
import dev.printfarm.appconnection.api.stream.WebcamImage;
import dev.printfarm.appconnection.api.stream.WebcamListener;
import dev.printfarm.appconnection.impl.appapi.AppApiClient;
import dev.printfarm.appconnection.impl.appapi.InfoRefresh;
import dev.printfarm.appconnection.impl.config.ServiceSettings;
import dev.printfarm.appconnection.impl.fleet.FleetMonitor;
import dev.printfarm.appconnection.impl.gadget.GadgetMonitor;
import dev.printfarm.appconnection.impl.live.PushSockets;
import dev.printfarm.appconnection.impl.live.WebcamStreams;
import dev.printfarm.appconnection.impl.live.Webcams;
import dev.printfarm.appconnection.impl.octoprint.OctoPrintClients;
import dev.printfarm.appconnection.impl.portal.FlowCookies;
import dev.printfarm.appconnection.impl.portal.PortalSettings;
import dev.printfarm.appconnection.impl.portal.PortalUrls;
import dev.printfarm.appconnection.impl.portal.PrinterDiscoveryClient;
import dev.printfarm.appconnection.impl.relay.PrinterGuard;
import dev.printfarm.appconnection.impl.route.RouteTable;
import dev.printfarm.appconnection.impl.store.ConnectionStore;
import dev.printfarm.appconnection.impl.store.OpenedConnections;
import dev.printfarm.appconnection.impl.store.RotationBatch;
import dev.printfarm.appconnection.impl.store.SecretsReplaced;
import dev.printfarm.appconnection.impl.store.StoredConnection;
import dev.printfarm.appconnection.impl.webhook.Webhooks;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.logging.Logger;

/**
 * The module's {@link AppConnectionService}: each method checks its arguments and hands the call to the package that
 * owns it. Longer than most classes here only because the interface has many methods; no logic lives here.
 */
@ApplicationScoped
public class AppConnectionServiceBean implements AppConnectionService {

    private static final Logger LOG = Logger.getLogger(AppConnectionServiceBean.class.getName());
    private static final int ROTATION_BATCH = 100;

    @Inject
    ServiceSettings serviceSettings;

    @Inject
    PortalSettings portal;

    @Inject
    ConnectionStore store;

    @Inject
    OpenedConnections opened;

    @Inject
    OctoPrintClients octoPrintClients;

    @Inject
    dev.printfarm.appconnection.impl.moonraker.MoonrakerClients moonrakerClients;

    @Inject
    dev.printfarm.appconnection.impl.commandapi.CommandApiClients commandApiClients;

    @Inject
    dev.printfarm.appconnection.impl.platform.Platforms platforms;

    @Inject
    RouteTable routes;

    @Inject
    AppApiClient appApi;

    @Inject
    PrinterDiscoveryClient discovery;

    @Inject
    InfoRefresh infoRefresh;

    @Inject
    GadgetMonitor gadgetMonitor;

    @Inject
    PrinterGuard printerGuard;

    @Inject
    Webhooks webhooks;

    @Inject
    Webcams webcams;

    @Inject
    WebcamStreams webcamStreams;

    @Inject
    PushSockets pushSockets;

    @Inject
    FleetMonitor fleetMonitor;

    @Inject
    Event<ConnectionRemoved> removed;

    @Inject
    Event<SecretsReplaced> secretsReplaced;

    @Override
    public boolean demoMode() {
        return serviceSettings.demoMode();
    }

    @Override
    public URI portalUrl(PortalRequest request, BrowserResponse browser) {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(browser, "browser");
        URI service = serviceSettings.serviceUrl();
        String appId = serviceSettings.appId();
        URI base = serviceSettings.publicBaseUrl();
        String callbackPath = portal.callbackPath();
        Duration ttl = portal.stateTtl();
        String cookie = FlowCookies.newValue();
        String state = store.startFlow(request.owner(), request.reference(), ttl, FlowCookies.hash(cookie));
        browser.addHeader("Set-Cookie", FlowCookies.setCookie(state, cookie, ttl, base, callbackPath));
        return PortalUrls.portalUrl(service, appId, PortalUrls.returnUrl(base, callbackPath, state), request);
    }

    @Override
    public PrinterDiscovery discoverPrinter(URI lanUrl, Optional<String> octoPrintApiKey) {
        return discovery.discover(lanUrl, Objects.requireNonNull(octoPrintApiKey, "octoPrintApiKey"));
    }

    @Override
    public List<AppConnection> connections() {
        return store.list();
    }

    @Override
    public List<AppConnection> connections(String owner) {
        return store.listByOwner(Objects.requireNonNull(owner, "owner"));
    }

    @Override
    public boolean remove(String connectionId) {
        if (connectionId == null) {
            return false;
        }
        try {
            opened.find(connectionId).ifPresent(webhooks::unregister);
        } catch (RuntimeException e) {
            // Removing must work even when OctoEverywhere or the secrets cannot be reached; the token dies with the
            // row.
            LOG.log(
                    java.util.logging.Level.WARNING,
                    "The webhook of App Connection " + connectionId + " could not be deleted at OctoEverywhere: "
                            + e.getMessage());
            webhooks.forget(connectionId);
        }
        if (!store.remove(connectionId)) {
            return false;
        }
        LOG.info(() -> "Removed App Connection " + connectionId);
        removed.fire(new ConnectionRemoved(connectionId));
        return true;
    }

    @Override
    public void setOctoPrintApiKey(String connectionId, String octoPrintApiKey) {
        Objects.requireNonNull(connectionId, "connectionId");
        Objects.requireNonNull(octoPrintApiKey, "octoPrintApiKey");
        String key = octoPrintApiKey.strip();
        if (key.isEmpty() || key.length() > 200 || !key.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw new IllegalArgumentException("An OctoPrint API key is 1-200 printable ASCII characters without spaces"
                    + " (OctoPrint shows it under Settings > Application Keys)");
        }
        if (!store.replaceOctoPrintApiKey(connectionId, key)) {
            throw new UnknownConnectionException(connectionId);
        }
        LOG.info(() -> "Stored a new OctoPrint API key for App Connection " + connectionId);
        secretsReplaced.fire(new SecretsReplaced(connectionId));
    }

    @Override
    public SecretRotation rotateSecrets() {
        int reencrypted = 0;
        int unreadable = 0;
        String after = "";
        List<String> batch;
        while (!(batch = store.idsNotUnderActiveKey(after, ROTATION_BATCH)).isEmpty()) {
            RotationBatch done = store.reencrypt(batch);
            reencrypted += done.reencrypted();
            unreadable += done.unreadable();
            after = batch.get(batch.size() - 1);
        }
        SecretRotation result = new SecretRotation(reencrypted, unreadable);
        LOG.info(() -> "Secret rotation: " + result);
        return result;
    }

    @Override
    public Optional<AppConnection> connection(String connectionId) {
        return connectionId == null ? Optional.empty() : store.find(connectionId);
    }

    @Override
    public OctoPrintClient octoPrint(String connectionId) {
        return octoPrintClients.open(stored(connectionId));
    }

    @Override
    public dev.printfarm.appconnection.api.moonraker.MoonrakerClient moonraker(String connectionId) {
        return moonrakerClients.open(stored(connectionId));
    }

    @Override
    public dev.printfarm.appconnection.api.command.PrinterCommands commands(String connectionId) {
        return commandApiClients.open(stored(connectionId));
    }

    @Override
    public dev.printfarm.appconnection.api.PrinterPlatform platform(String connectionId) {
        if (connectionId != null) {
            Optional<dev.printfarm.appconnection.api.PrinterPlatform> known = platforms.known(connectionId);
            if (known.isPresent()) {
                return known.get();
            }
        }
        return platforms.of(stored(connectionId));
    }

    @Override
    public ConnectionRoute route(String connectionId) {
        AppConnection connection = Optional.ofNullable(connectionId)
                .flatMap(store::find)
                .orElseThrow(() -> new UnknownConnectionException(connectionId));
        return routes.current(connection);
    }

    @Override
    public Optional<String> lanRefusal(String connectionId) {
        AppConnection connection = Optional.ofNullable(connectionId)
                .flatMap(store::find)
                .orElseThrow(() -> new UnknownConnectionException(connectionId));
        return routes.lanRefusal(connection);
    }

    @Override
    public PrinterInfo info(String connectionId) {
        StoredConnection stored = stored(connectionId);
        PrinterInfo info = appApi.info(stored.connection(), stored.secrets());
        infoRefresh.learned(connectionId, info);
        return info;
    }

    @Override
    public LiveLink createLiveLink(String connectionId, LiveLinkOptions options) {
        Objects.requireNonNull(options, "options");
        StoredConnection stored = stored(connectionId);
        return appApi.createLiveLink(stored.connection(), stored.secrets(), options);
    }

    @Override
    public GadgetStatus gadgetStatus(String connectionId) {
        StoredConnection stored = stored(connectionId);
        return appApi.gadgetStatus(stored.connection(), stored.secrets());
    }

    private StoredConnection stored(String connectionId) {
        return Optional.ofNullable(connectionId)
                .flatMap(opened::find)
                .orElseThrow(() -> new UnknownConnectionException(connectionId));
    }

    @Override
    public Subscription watchGadget(String connectionId, GadgetListener listener) {
        return gadgetMonitor.watch(connectionId, listener);
    }

    @Override
    public WebhookRegistration registerWebhook(String connectionId, Set<NotificationEvent> events) {
        Objects.requireNonNull(events, "events");
        return webhooks.register(stored(connectionId), events);
    }

    @Override
    public Optional<WebhookRegistration> webhook(String connectionId) {
        return connectionId == null ? Optional.empty() : webhooks.find(connectionId);
    }

    @Override
    public boolean unregisterWebhook(String connectionId) {
        return webhooks.unregister(stored(connectionId));
    }

    @Override
    public WebhookTest testWebhook(String connectionId) {
        return webhooks.test(stored(connectionId));
    }

    @Override
    public List<Webcam> webcams(String connectionId) {
        return webcams.webcams(stored(connectionId));
    }

    @Override
    public WebcamImage snapshot(String connectionId) {
        return webcams.snapshot(stored(connectionId));
    }

    @Override
    public Subscription watchWebcam(String connectionId, WebcamListener listener) {
        return webcamStreams.watch(connectionId, listener);
    }

    @Override
    public Subscription watchPush(String connectionId, PushListener listener) {
        return pushSockets.watch(connectionId, listener);
    }

    @Override
    public List<PrinterView> fleet() {
        return fleetMonitor.snapshots();
    }

    @Override
    public CompletionStage<Void> refreshFleet() {
        return fleetMonitor.refreshAll();
    }

    @Override
    public Optional<Instant> nextFleetRefresh(String connectionId) {
        return fleetMonitor.nextRefresh(connectionId);
    }

    @Override
    public CircuitState circuit(String connectionId) {
        return switch (printerGuard.breakerState(connectionId)) {
            case CLOSED -> CircuitState.CLOSED;
            case OPEN -> CircuitState.OPEN;
            case HALF_OPEN -> CircuitState.HALF_OPEN;
        };
    }
}
