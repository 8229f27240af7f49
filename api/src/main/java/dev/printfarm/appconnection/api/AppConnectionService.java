package dev.printfarm.appconnection.api;

import dev.printfarm.appconnection.api.appapi.GadgetListener;
import dev.printfarm.appconnection.api.appapi.GadgetStatus;
import dev.printfarm.appconnection.api.appapi.GadgetUpdate;
import dev.printfarm.appconnection.api.appapi.LiveLink;
import dev.printfarm.appconnection.api.appapi.LiveLinkOptions;
import dev.printfarm.appconnection.api.appapi.NotificationEvent;
import dev.printfarm.appconnection.api.appapi.PrinterInfo;
import dev.printfarm.appconnection.api.appapi.WebhookRegistration;
import dev.printfarm.appconnection.api.appapi.WebhookTest;
import dev.printfarm.appconnection.api.command.PrinterCommands;
import dev.printfarm.appconnection.api.error.AppConnectionException;
import dev.printfarm.appconnection.api.error.NoActivePrintException;
import dev.printfarm.appconnection.api.error.UnknownConnectionException;
import dev.printfarm.appconnection.api.error.WebcamLimitException;
import dev.printfarm.appconnection.api.event.ConnectionRemoved;
import dev.printfarm.appconnection.api.event.PrinterNotification;
import dev.printfarm.appconnection.api.event.PrinterViewChanged;
import dev.printfarm.appconnection.api.fleet.PrinterView;
import dev.printfarm.appconnection.api.moonraker.MoonrakerClient;
import dev.printfarm.appconnection.api.octoprint.OctoPrintClient;
import dev.printfarm.appconnection.api.stream.PushListener;
import dev.printfarm.appconnection.api.stream.StreamEnd;
import dev.printfarm.appconnection.api.stream.Webcam;
import dev.printfarm.appconnection.api.stream.WebcamImage;
import dev.printfarm.appconnection.api.stream.WebcamListener;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * The module's entry point, an application-scoped CDI bean: {@code @Inject AppConnectionService service;}.
 * Thread-safe. Failures surface as {@link AppConnectionException} subtypes.
 */
public interface AppConnectionService {

    /**
     * True only when the module talks to a sandbox on this machine ({@code appconnection.octoeverywhere.url} on
     * {@code localhost} or a loopback address); then the built-in demo key and plain-http relays may be used.
     */
    boolean demoMode();

    /**
     * The OctoEverywhere portal URL that starts a new App Connection; redirect the user's browser to it. Sets the
     * cookie that binds the flow to this browser (on {@code browser}): the module's callback stores the connection
     * only for the browser that started the flow. Several flows may run in one browser at once.
     *
     * @param browser the response to the browser that will follow the redirect, e.g. {@code response::addHeader}
     * @throws IllegalStateException when the module's configuration is incomplete (the message names the key)
     */
    URI portalUrl(PortalRequest request, BrowserResponse browser);

    /**
     * Asks a printer on the LAN for its OctoEverywhere printer id ({@code GET /api/plugin/octoeverywhere}),
     * to preselect it in the portal. Never throws for what the printer answers; see the outcome.
     *
     * @param lanUrl          the printer's local base URL, e.g. {@code http://192.168.1.5}
     * @param octoPrintApiKey sent as {@code X-Api-Key} when present
     * @throws IllegalArgumentException when {@code lanUrl} is not an absolute http(s) URL without user info
     */
    PrinterDiscovery discoverPrinter(URI lanUrl, Optional<String> octoPrintApiKey);

    /** Every stored connection, newest first. Never contains a secret. */
    List<AppConnection> connections();

    /** The stored connections of one owner, newest first. */
    List<AppConnection> connections(String owner);

    /** The stored connection with this id, if any. */
    Optional<AppConnection> connection(String connectionId);

    /**
     * Deletes a connection from the local store (OctoEverywhere keeps it until the user revokes it there)
     * and fires {@link ConnectionRemoved}. Returns whether it existed.
     */
    boolean remove(String connectionId);

    /**
     * Stores an OctoPrint API key for the connection, encrypted with its other secrets, replacing any earlier one:
     * for when the portal could not generate one (about 1 in 20 flows) and the user pasted one from OctoPrint's
     * settings. Calls from now on send it (the LAN route needs it); the route starts probing the LAN afresh.
     *
     * @throws IllegalArgumentException when the key is blank, longer than 200 characters or contains anything other
     *                                  than printable ASCII without spaces (the message never repeats the key)
     * @throws UnknownConnectionException when no connection has this id
     */
    void setOctoPrintApiKey(String connectionId, String octoPrintApiKey);

    /**
     * Re-encrypts every stored connection's secrets with the active key ({@code appconnection.store.active-key}),
     * in small transactions; safe to run while the application serves, and to run again. A key can be
     * retired once a rotation reports no unreadable connection.
     */
    SecretRotation rotateSecrets();

    /**
     * A typed OctoPrint client for one connection's printer. Each call goes through the connection's
     * current route with its credentials.
     *
     * @throws UnknownConnectionException when no connection has this id
     */
    OctoPrintClient octoPrint(String connectionId);

    /**
     * A typed Moonraker client for one connection's Klipper printer: REST calls through the connection's current
     * route with its credentials, and status subscriptions over Moonraker's websocket through the relay.
     *
     * @throws UnknownConnectionException when no connection has this id
     */
    MoonrakerClient moonraker(String connectionId);

    /**
     * The printer's OctoEverywhere command API for one connection, the same for every kind of printer (OctoPrint,
     * Klipper, Bambu Lab, Prusa, Elegoo, ...): status, controls, webcams, files. Always through the relay.
     *
     * @throws UnknownConnectionException when no connection has this id
     */
    PrinterCommands commands(String connectionId);

    /**
     * What the printer behind a connection runs, as the module learned it (from the fleet monitor's answers, or by
     * asking the printer now when it is not known yet): which of {@link #octoPrint(String)}, {@link #moonraker(String)}
     * or {@link #commands(String)} fits it best. {@link PrinterPlatform#UNKNOWN} when the printer answers as none.
     *
     * @throws UnknownConnectionException when no connection has this id
     * @throws AppConnectionException     when it is not known yet and the printer cannot be asked now (e.g. a 601)
     */
    PrinterPlatform platform(String connectionId);

    /**
     * Which way the connection's calls go now: {@link ConnectionRoute#LAN} only after the printer answered
     * enough LAN probes, {@link ConnectionRoute#RELAY} otherwise (also when its LAN address is refused by policy, see
     * {@link #lanRefusal(String)}).
     *
     * @throws UnknownConnectionException when no connection has this id
     */
    ConnectionRoute route(String connectionId);

    /**
     * Why the connection's LAN address is never dialled, e.g. {@code "refused by policy: 127.0.0.1 is a loopback
     * address outside appconnection.lan.allowed-ranges"}; its calls then take the relay. Empty when it has no LAN
     * address, the address is admitted, or the LAN route is off.
     *
     * @throws UnknownConnectionException when no connection has this id
     */
    Optional<String> lanRefusal(String connectionId);

    /**
     * Asks OctoEverywhere's Info API about the connection (name, LAN address, online, limits). Answers 603/604/605
     * update the connection's state like a relayed call does.
     *
     * @throws UnknownConnectionException when no connection has this id
     */
    PrinterInfo info(String connectionId);

    /**
     * Creates a Live Link for the connection's printer.
     *
     * @throws NoActivePrintException when the link should end with the current print and none runs (613)
     * @throws UnknownConnectionException when no connection has this id
     */
    LiveLink createLiveLink(String connectionId, LiveLinkOptions options);

    /**
     * Asks Gadget once for its verdict on the current print. OctoEverywhere asks apps to poll at most every 10 s,
     * only while printing and while someone looks; this method does not enforce that.
     *
     * @throws UnknownConnectionException when no connection has this id
     */
    GadgetStatus gadgetStatus(String connectionId);

    /**
     * Watches Gadget for the connection while someone looks: polls Gadget only while the printer has a print, at
     * most once per 10 s per connection however many watches there are, rarely while Gadget is disabled and not
     * again during a print for which it is {@code DisabledForCurrentPrint}. Each answer goes to {@code listener}
     * (on a background thread) and is fired as a {@link GadgetUpdate} CDI event. Close the subscription when the
     * watcher leaves; polling stops with the last one.
     *
     * @throws UnknownConnectionException when no connection has this id
     */
    Subscription watchGadget(String connectionId, GadgetListener listener);

    /**
     * Registers the module's webhook receiver for the connection with OctoEverywhere ({@code SetNotificationWebhook}),
     * replacing an earlier registration; the module renews it before it expires. Deliveries fire
     * {@link PrinterNotification} events.
     *
     * @param events the event types wanted; empty for every type
     * @throws IllegalArgumentException when {@code events} contains {@link NotificationEvent#UNKNOWN}
     * @throws UnknownConnectionException when no connection has this id
     */
    WebhookRegistration registerWebhook(String connectionId, java.util.Set<NotificationEvent> events);

    /** The connection's webhook registration, if the module made one. */
    Optional<WebhookRegistration> webhook(String connectionId);

    /**
     * Deletes the connection's webhook at OctoEverywhere and forgets it; deliveries already on their way are
     * refused. Returns whether one was registered. {@link #remove(String)} does this too.
     */
    boolean unregisterWebhook(String connectionId);

    /** Asks OctoEverywhere to send a test notification ({@code TestWebhook}) and reports what the receiver answered. */
    WebhookTest testWebhook(String connectionId);

    /**
     * The printer's cameras: OctoPrint's {@code /api/webcams} when it has one (1.9 and later), else the classic webcam
     * of its settings. Absolute URLs that point at the printer's own host (such as OctoPrint's default
     * {@code http://127.0.0.1:8080/?action=snapshot}) are mapped to the {@code /webcam/} path the printer serves.
     *
     * @throws UnknownConnectionException when no connection has this id
     */
    List<Webcam> webcams(String connectionId);

    /**
     * A snapshot of the printer's first camera that has one, through the connection's route.
     *
     * @throws WebcamLimitException on 609, and without traffic while the module holds back after one
     * @throws IllegalStateException when the printer has no camera with a snapshot
     */
    WebcamImage snapshot(String connectionId);

    /**
     * Subscribes to the MJPEG stream of the printer's first camera that has one. All subscriptions of a connection
     * share one stream from the printer, opened with the first and closed with the last. The module ends the stream
     * shortly before the account's {@code MaxSingleWebcamStreamLengthSeconds} and tells the listeners why
     * ({@link StreamEnd.Reason#LENGTH_LIMIT}); a 609 ends it with a {@link WebcamLimitException}.
     *
     * @throws UnknownConnectionException when no connection has this id
     */
    Subscription watchWebcam(String connectionId, WebcamListener listener);

    /**
     * Subscribes to OctoPrint's push messages ({@code /sockjs/websocket}, authenticated with a passive login). The
     * socket is open while at least one subscription is; it reconnects with backoff after a drop and stops for good
     * when the connection turns out revoked or its credentials rejected.
     *
     * @throws UnknownConnectionException when no connection has this id
     */
    Subscription watchPush(String connectionId, PushListener listener);

    /**
     * The fleet monitor's latest snapshot of every connection it refreshes (every stored connection, when
     * {@code appconnection.fleet.cycle} is set; empty when it is off), by connection id order. No traffic: the
     * monitor refreshes in the background and fires {@link PrinterViewChanged} on changes.
     */
    List<PrinterView> fleet();

    /**
     * Refreshes every connection's view now, once, as the monitor does each cycle (the same requests within the same
     * {@code appconnection.fleet.concurrency}), for an operator's "refresh now". The stage completes when every
     * printer has answered or failed, each with a request sent after this call; failures end up in the views, not in
     * the stage.
     *
     * @throws IllegalStateException when the fleet monitor is off ({@code appconnection.fleet.cycle} unset)
     */
    CompletionStage<Void> refreshFleet();

    /**
     * When the fleet monitor next refreshes the connection: its fixed moment in each cycle, the same on every server,
     * so a fleet is refreshed a few printers at a time. A printer that did not answer may rest longer. Empty when the
     * monitor is off.
     */
    Optional<Instant> nextFleetRefresh(String connectionId);

    /**
     * The state of the connection's circuit breaker on this server; {@link CircuitState#CLOSED} for a connection that
     * never failed (or that this server does not know).
     */
    CircuitState circuit(String connectionId);
}
