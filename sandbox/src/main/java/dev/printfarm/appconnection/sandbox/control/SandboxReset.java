package dev.printfarm.appconnection.sandbox.control;

import dev.printfarm.appconnection.sandbox.appapi.AppApiFault;
import dev.printfarm.appconnection.sandbox.appapi.InfoCalls;
import dev.printfarm.appconnection.sandbox.commandapi.CommandCalls;
import dev.printfarm.appconnection.sandbox.connection.ConnectionRegistry;
import dev.printfarm.appconnection.sandbox.gadget.GadgetBoard;
import dev.printfarm.appconnection.sandbox.lan.LanRequestLog;
import dev.printfarm.appconnection.sandbox.live.LiveLinks;
import dev.printfarm.appconnection.sandbox.moonraker.MoonrakerSockets;
import dev.printfarm.appconnection.sandbox.octoprint.ScriptedResponses;
import dev.printfarm.appconnection.sandbox.outage.RelayOutage;
import dev.printfarm.appconnection.sandbox.printer.PrinterRegistry;
import dev.printfarm.appconnection.sandbox.push.PushHub;
import dev.printfarm.appconnection.sandbox.relay.ConnectionResets;
import dev.printfarm.appconnection.sandbox.relay.RelayInFlight;
import dev.printfarm.appconnection.sandbox.relay.RelayStats;
import dev.printfarm.appconnection.sandbox.webcam.WebcamBoard;
import dev.printfarm.appconnection.sandbox.webhook.PrintEventTicker;
import dev.printfarm.appconnection.sandbox.webhook.WebhookLog;
import dev.printfarm.appconnection.sandbox.webhook.WebhookRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** {@code POST /control/reset}: everything back to how the sandbox started, printers included. */
@ApplicationScoped
public class SandboxReset {

    private final ConnectionRegistry connections;
    private final RelayStats stats;
    private final LanRequestLog lanRequests;
    private final ScriptedResponses scripts;
    private final ConnectionResets resets;
    private final WebhookRegistry webhooks;
    private final WebhookLog webhookLog;
    private final GadgetBoard gadget;
    private final InfoCalls infoCalls;
    private final LiveLinks liveLinks;
    private final PrinterRegistry printers;
    private final PrintEventTicker printEvents;
    private final WebcamBoard webcams;
    private final PushHub push;
    private final RelayInFlight inFlight;
    private final RelayOutage outage;
    private final MoonrakerSockets moonrakerSockets;
    private final CommandCalls commandCalls;
    private final AppApiFault appApiFault;

    protected SandboxReset() {
        this(
                null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null);
    }

    public SandboxReset(
            ConnectionRegistry connections,
            RelayStats stats,
            LanRequestLog lanRequests,
            ScriptedResponses scripts,
            ConnectionResets resets,
            WebhookRegistry webhooks,
            WebhookLog webhookLog,
            GadgetBoard gadget,
            InfoCalls infoCalls,
            LiveLinks liveLinks,
            PrinterRegistry printers,
            PrintEventTicker printEvents,
            WebcamBoard webcams,
            PushHub push,
            RelayInFlight inFlight,
            RelayOutage outage) {
        this(
                connections,
                stats,
                lanRequests,
                scripts,
                resets,
                webhooks,
                webhookLog,
                gadget,
                infoCalls,
                liveLinks,
                printers,
                printEvents,
                webcams,
                push,
                inFlight,
                outage,
                new MoonrakerSockets(printers),
                new CommandCalls());
    }

    public SandboxReset(
            ConnectionRegistry connections,
            RelayStats stats,
            LanRequestLog lanRequests,
            ScriptedResponses scripts,
            ConnectionResets resets,
            WebhookRegistry webhooks,
            WebhookLog webhookLog,
            GadgetBoard gadget,
            InfoCalls infoCalls,
            LiveLinks liveLinks,
            PrinterRegistry printers,
            PrintEventTicker printEvents,
            WebcamBoard webcams,
            PushHub push,
            RelayInFlight inFlight,
            RelayOutage outage,
            MoonrakerSockets moonrakerSockets,
            CommandCalls commandCalls) {
        this(
                connections,
                stats,
                lanRequests,
                scripts,
                resets,
                webhooks,
                webhookLog,
                gadget,
                infoCalls,
                liveLinks,
                printers,
                printEvents,
                webcams,
                push,
                inFlight,
                outage,
                moonrakerSockets,
                commandCalls,
                new AppApiFault());
    }

    @Inject
    public SandboxReset(
            ConnectionRegistry connections,
            RelayStats stats,
            LanRequestLog lanRequests,
            ScriptedResponses scripts,
            ConnectionResets resets,
            WebhookRegistry webhooks,
            WebhookLog webhookLog,
            GadgetBoard gadget,
            InfoCalls infoCalls,
            LiveLinks liveLinks,
            PrinterRegistry printers,
            PrintEventTicker printEvents,
            WebcamBoard webcams,
            PushHub push,
            RelayInFlight inFlight,
            RelayOutage outage,
            MoonrakerSockets moonrakerSockets,
            CommandCalls commandCalls,
            AppApiFault appApiFault) {
        this.connections = connections;
        this.stats = stats;
        this.lanRequests = lanRequests;
        this.scripts = scripts;
        this.resets = resets;
        this.webhooks = webhooks;
        this.webhookLog = webhookLog;
        this.gadget = gadget;
        this.infoCalls = infoCalls;
        this.liveLinks = liveLinks;
        this.printers = printers;
        this.printEvents = printEvents;
        this.webcams = webcams;
        this.push = push;
        this.inFlight = inFlight;
        this.outage = outage;
        this.moonrakerSockets = moonrakerSockets;
        this.commandCalls = commandCalls;
        this.appApiFault = appApiFault;
    }

    /**
     * Forgets connections, their webhooks, queued deliveries (not sent once the log is cleared) and the delivery log,
     * Gadget scripts and calls, Info API calls, Live Links, stats, LAN requests, scripts, pending resets, command API
     * calls; ends webcam streams and push sockets (OctoPrint's and Moonraker's) and forgets their counts; restores
     * every printer (its kind from {@code sandbox.printer-kinds}, login sessions, a new user API key each,
     * {@code latencyMs} back to {@code sandbox.latency-ms}); the next look at the printers only takes
     * note, so the restored jobs notify nothing and push no events. Requests still in flight stay counted until they
     * end; the in-flight peak drops to them. Ends a relay outage and forgets the requests it refused; ends the App APIs'
     * failures and forgets their count. With {@code sandbox.state-dir} set, the kept file follows: the state keeper
     * writes the emptied state within moments.
     */
    public void run() {
        webcams.reset();
        connections.clear();
        webhooks.clear();
        webhookLog.clear();
        gadget.clear();
        infoCalls.clear();
        liveLinks.clear();
        stats.clear();
        lanRequests.clear();
        scripts.clear();
        resets.clear();
        printers.resetControls();
        printEvents.forget();
        push.reset();
        moonrakerSockets.reset();
        commandCalls.clear();
        inFlight.resetPeak();
        outage.reset();
        appApiFault.reset();
    }
}
