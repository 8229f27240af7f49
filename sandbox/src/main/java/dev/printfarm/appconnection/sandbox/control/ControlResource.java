package dev.printfarm.appconnection.sandbox.control;

import dev.printfarm.appconnection.sandbox.appapi.AppApiFault;
import dev.printfarm.appconnection.sandbox.appapi.InfoCalls;
import dev.printfarm.appconnection.sandbox.commandapi.CommandCalls;
import dev.printfarm.appconnection.sandbox.config.SandboxSettings;
import dev.printfarm.appconnection.sandbox.connection.ConnectionRegistry;
import dev.printfarm.appconnection.sandbox.gadget.GadgetBoard;
import dev.printfarm.appconnection.sandbox.lan.LanRequestLog;
import dev.printfarm.appconnection.sandbox.live.LiveLinks;
import dev.printfarm.appconnection.sandbox.moonraker.MoonrakerSockets;
import dev.printfarm.appconnection.sandbox.octoprint.ScriptedResponse;
import dev.printfarm.appconnection.sandbox.octoprint.ScriptedResponses;
import dev.printfarm.appconnection.sandbox.outage.RelayOutage;
import dev.printfarm.appconnection.sandbox.printer.EmulatedPrinter;
import dev.printfarm.appconnection.sandbox.printer.PrinterKind;
import dev.printfarm.appconnection.sandbox.printer.PrinterRegistry;
import dev.printfarm.appconnection.sandbox.push.PushHub;
import dev.printfarm.appconnection.sandbox.relay.ClientPorts;
import dev.printfarm.appconnection.sandbox.relay.ConnectionResets;
import dev.printfarm.appconnection.sandbox.relay.RelayInFlight;
import dev.printfarm.appconnection.sandbox.relay.RelayStats;
import dev.printfarm.appconnection.sandbox.web.BaseUrl;
import dev.printfarm.appconnection.sandbox.webcam.WebcamBoard;
import dev.printfarm.appconnection.sandbox.webcam.WebcamFace;
import dev.printfarm.appconnection.sandbox.webhook.PrintIds;
import dev.printfarm.appconnection.sandbox.webhook.WebhookLog;
import dev.printfarm.appconnection.sandbox.webhook.WebhookRegistry;
import dev.printfarm.appconnection.sandbox.webhook.Webhooks;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.Optional;

/** Lets tests and scripts look inside the sandbox and make printers misbehave. Exposes secrets on purpose. */
@Path("control")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ControlResource {

    @Inject
    PrinterRegistry printers;

    @Inject
    ConnectionRegistry connections;

    @Inject
    RelayStats stats;

    @Inject
    RelayInFlight inFlight;

    @Inject
    LanRequestLog lanRequests;

    @Inject
    SandboxSettings settings;

    @Inject
    ScriptedResponses scripts;

    @Inject
    ConnectionResets resets;

    @Inject
    GadgetBoard gadget;

    @Inject
    InfoCalls infoCalls;

    @Inject
    LiveLinks liveLinks;

    @Inject
    WebhookRegistry webhookRegistry;

    @Inject
    WebhookLog webhookLog;

    @Inject
    Webhooks webhooks;

    @Inject
    SandboxReset sandboxReset;

    @Inject
    WebcamBoard webcams;

    @Inject
    PushHub push;

    @Inject
    RelayOutage outage;

    @Inject
    ClientPorts clientPorts;

    @Inject
    MoonrakerSockets moonrakerSockets;

    @Inject
    AppApiFault appApiFault;

    @Inject
    CommandCalls commandCalls;

    @GET
    @Path("printers")
    public String printers(@Context HttpServletRequest request) {
        Instant now = printers.now();
        String base = BaseUrl.of(request, settings);
        JsonArrayBuilder array = Json.createArrayBuilder();
        printers.all()
                .forEach(printer -> array.add(ControlJson.printer(printer, now, BaseUrl.lanUrl(base, printer.id()))));
        return array.build().toString();
    }

    @GET
    @Path("printers/{printerId}")
    public Response printer(@PathParam("printerId") String printerId, @Context HttpServletRequest request) {
        return withPrinter(
                printerId,
                printer -> json(
                        Response.Status.OK,
                        ControlJson.printer(
                                        printer,
                                        printers.now(),
                                        BaseUrl.lanUrl(BaseUrl.of(request, settings), printerId))
                                .toString()));
    }

    /** A new user API key (Settings → Application Keys) for the printer; the old one is refused from now on. */
    @POST
    @Path("printers/{printerId}/user-api-key")
    public Response newUserApiKey(@PathParam("printerId") String printerId) {
        return withPrinter(
                printerId,
                printer -> json(
                        Response.Status.OK,
                        ControlJson.userApiKey(printer.newUserApiKey()).toString()));
    }

    /**
     * {@code {"latencyMs": n}} for every printer at once: 200 {@code {"latencyMs", "printers"}}; a bad body is 400
     * and changes nothing.
     */
    @PUT
    @Path("printers")
    public Response updateAll(String body) {
        long latencyMs;
        try {
            latencyMs = ControlBodies.fleetLatencyMs(body);
        } catch (InvalidControlException e) {
            return json(
                    Response.Status.BAD_REQUEST,
                    ControlJson.error(e.getMessage()).toString());
        }
        printers.updateAll(controls -> controls.withLatencyMs(latencyMs));
        return json(
                Response.Status.OK,
                Json.createObjectBuilder()
                        .add("latencyMs", latencyMs)
                        .add("printers", printers.all().size())
                        .build()
                        .toString());
    }

    @PUT
    @Path("printers/{printerId}")
    public Response update(@PathParam("printerId") String printerId, String body, @Context HttpServletRequest request) {
        Optional<EmulatedPrinter> printer = printers.find(printerId);
        if (printer.isEmpty()) {
            return json(
                    Response.Status.NOT_FOUND,
                    ControlJson.error("Unknown printer: " + printerId).toString());
        }
        ControlUpdate update;
        try {
            update = ControlUpdate.parse(body);
        } catch (InvalidControlException e) {
            return json(
                    Response.Status.BAD_REQUEST,
                    ControlJson.error(e.getMessage()).toString());
        }
        PrinterKind kindBefore = printer.get().controls().kind();
        printers.update(printerId, update::applyTo);
        update.applyStorageTo(printer.get().files());
        if (printer.get().controls().kind() != kindBefore) {
            push.drop(printerId);
            moonrakerSockets.drop(printerId);
        }
        if (update.webcamBackToBack().isPresent()) {
            webcams.restartWindow(printerId);
        }
        String lanUrl = BaseUrl.lanUrl(BaseUrl.of(request, settings), printerId);
        return json(
                Response.Status.OK,
                ControlJson.printer(printer.get(), printers.now(), lanUrl).toString());
    }

    @GET
    @Path("connections")
    public String connections() {
        JsonArrayBuilder array = Json.createArrayBuilder();
        connections
                .all()
                .forEach(connection -> array.add(ControlJson.connection(
                        connection, connections.isRevoked(connection.id()), webhookRegistry.find(connection.id()))));
        return array.build().toString();
    }

    @GET
    @Path("stats")
    public String stats() {
        return ControlJson.stats(stats.snapshot(), inFlight.counts(), outage.refused())
                .toString();
    }

    /** The in-flight peak drops to the relayed requests in flight now: 200 {@code {"peakInFlight", "inFlight"}}. */
    @POST
    @Path("stats/reset-peak")
    public String resetPeak() {
        return ControlJson.peak(inFlight.resetPeak()).toString();
    }

    /**
     * OctoEverywhere restarting: {@code {"seconds": n}} (0..300; 0 ends it) starts an outage of the relay and the App
     * APIs from now, replacing any going on: 200 {@code {"remainingMs"}}; a bad body is 400 and changes nothing.
     */
    @POST
    @Path("relay/outage")
    public Response startOutage(String body) {
        long seconds;
        try {
            seconds = ControlBodies.outageSeconds(body);
        } catch (InvalidControlException e) {
            return json(
                    Response.Status.BAD_REQUEST,
                    ControlJson.error(e.getMessage()).toString());
        }
        return json(
                Response.Status.OK, ControlJson.outage(outage.start(seconds)).toString());
    }

    /**
     * OctoEverywhere's App APIs failing while the relay works: {@code {"failWith": n}} (500..699) answers every App API
     * request with n, {@code {"failWith": n, "times": k}} the next k only, {@code {"failWith": null}} ends it: 200 as
     * {@link #appApiFault()}; a bad body is 400 and changes nothing.
     */
    @PUT
    @Path("appapi")
    public Response failAppApi(String body) {
        try {
            appApiFault.set(ControlBodies.appApiFault(body));
        } catch (InvalidControlException e) {
            return json(
                    Response.Status.BAD_REQUEST,
                    ControlJson.error(e.getMessage()).toString());
        }
        return json(Response.Status.OK, appApiFault());
    }

    /** {@code {"failWith": n or null, "times": what is left or null, "failed": requests answered so}}. */
    @GET
    @Path("appapi")
    public String appApiFault() {
        return ControlJson.appApiFault(appApiFault.plan(), appApiFault.failed()).toString();
    }

    /** {@code {"remainingMs": n}}, 0 when no outage is on. */
    @GET
    @Path("relay/outage")
    public String outage() {
        return ControlJson.outage(outage.remaining()).toString();
    }

    /**
     * The last requests an outage refused, oldest first: {@code {"requests": [{"time", "method", "path",
     * "clientPort"}]}}; a client that sends a request again on a new connection shows another port.
     */
    @GET
    @Path("relay/outage/refused")
    public String outageRefusals() {
        return ControlJson.refusedRequests(outage.refusedRequests()).toString();
    }

    /**
     * Requests that reached the relay per client port since the sandbox started: {@code {"ports": {"<port>": n}}}. A
     * client that keeps its connections alive shows few ports for many requests.
     */
    @GET
    @Path("relay/client-ports")
    public String clientPorts() {
        return ControlJson.clientPorts(clientPorts.snapshot()).toString();
    }

    /** Oldest first, headers as received (names lower-cased), so tests can see what reached the printer. */
    @GET
    @Path("lan-requests")
    public String lanRequests() {
        return ControlJson.lanRequests(lanRequests.snapshot()).toString();
    }

    @POST
    @Path("reset")
    public Response reset() {
        sandboxReset.run();
        return Response.noContent().build();
    }

    /** {@code {"script": null}}, or {@code {"script": {"state", "status", "color", "rating"}}} or {"failWith"}. */
    @GET
    @Path("printers/{printerId}/gadget")
    public Response gadgetScript(@PathParam("printerId") String printerId) {
        return withPrinter(
                printerId,
                printer -> json(
                        Response.Status.OK,
                        GadgetScripts.json(gadget.script(printerId)).toString()));
    }

    @PUT
    @Path("printers/{printerId}/gadget")
    public Response scriptGadget(@PathParam("printerId") String printerId, String body) {
        return withPrinter(printerId, printer -> {
            gadget.script(printerId, GadgetScripts.parse(body));
            return json(
                    Response.Status.OK,
                    GadgetScripts.json(gadget.script(printerId)).toString());
        });
    }

    @DELETE
    @Path("printers/{printerId}/gadget")
    public Response unscriptGadget(@PathParam("printerId") String printerId) {
        return withPrinter(printerId, printer -> {
            gadget.unscript(printerId);
            return Response.noContent().build();
        });
    }

    @GET
    @Path("printers/{printerId}/gadget/calls")
    public Response gadgetCalls(@PathParam("printerId") String printerId) {
        return withPrinter(
                printerId,
                printer -> json(
                        Response.Status.OK,
                        ControlJson.gadgetCalls(gadget.calls(printerId)).toString()));
    }

    /**
     * Sends a notification now, built from the printer's current job: 202 {@code {"eventType", "repeat", "queued":
     * [connectionId], "filteredOut": [connectionId]}}; 409 when no connection of the printer (or not the one named)
     * has a webhook that receives notifications (registered, not revoked, not expired).
     */
    @POST
    @Path("printers/{printerId}/webhook")
    public Response webhook(@PathParam("printerId") String printerId, String body) {
        return withPrinter(printerId, printer -> {
            WebhookTrigger trigger = WebhookTrigger.parse(body);
            return ControlWebhooks.fire(webhooks, printer, trigger, printers.now())
                    .map(dispatch -> json(Response.Status.ACCEPTED, dispatch.toString()))
                    .orElseGet(() -> json(
                            Response.Status.CONFLICT,
                            ControlJson.error("No "
                                            + trigger.connectionId()
                                                    .map(id -> "webhook receiving notifications for connection " + id)
                                                    .orElse("connection of printer " + printerId
                                                            + " has a webhook receiving " + "notifications")
                                            + " (registered, not revoked, not expired).")
                                    .toString()));
        });
    }

    /** The last 500 webhook deliveries, oldest first. */
    @GET
    @Path("webhooks")
    public String webhookDeliveries() {
        return ControlJson.webhookDeliveries(webhookLog.snapshot()).toString();
    }

    @GET
    @Path("live-links")
    public String liveLinks() {
        Instant now = printers.now();
        return ControlJson.liveLinks(
                        liveLinks.all(),
                        now,
                        printerId -> printers.find(printerId)
                                .flatMap(printer ->
                                        printer.octoPrintAt(now).job().map(run -> PrintIds.of(printerId, run))))
                .toString();
    }

    /** The relay's webcam counts at the top level, the LAN face's under {@code lan}. */
    @GET
    @Path("printers/{printerId}/webcam")
    public Response webcamCounts(@PathParam("printerId") String printerId) {
        return withPrinter(
                printerId,
                printer -> json(
                        Response.Status.OK,
                        ControlJson.webcam(
                                        webcams.counts(printerId, WebcamFace.RELAY),
                                        webcams.counts(printerId, WebcamFace.LAN))
                                .toString()));
    }

    @GET
    @Path("printers/{printerId}/push")
    public Response pushCounts(@PathParam("printerId") String printerId) {
        return withPrinter(
                printerId,
                printer -> json(
                        Response.Status.OK,
                        ControlJson.push(push.counts(printerId), Optional.of(moonrakerSockets.counts(printerId)))
                                .toString()));
    }

    /**
     * Closes the printer's push sockets (OctoPrint's and Moonraker's) with 1011, as when OctoEverywhere loses the
     * printer; {"dropped": n}.
     */
    @POST
    @Path("printers/{printerId}/push/drop")
    public Response dropPush(@PathParam("printerId") String printerId) {
        return withPrinter(
                printerId,
                printer -> json(
                        Response.Status.OK,
                        Json.createObjectBuilder()
                                .add("dropped", push.drop(printerId) + moonrakerSockets.drop(printerId))
                                .build()
                                .toString()));
    }

    /** The command API calls the printer received through the relay, oldest first (the last 1,000). */
    @GET
    @Path("printers/{printerId}/commands")
    public Response commands(@PathParam("printerId") String printerId) {
        return withPrinter(
                printerId,
                printer -> json(
                        Response.Status.OK,
                        ControlJson.commandCalls(commandCalls.of(printerId)).toString()));
    }

    @GET
    @Path("printers/{printerId}/responses")
    public Response scripts(@PathParam("printerId") String printerId) {
        return withPrinter(
                printerId,
                printer -> json(
                        Response.Status.OK,
                        ControlJson.scripts(scripts.forPrinter(printerId)).toString()));
    }

    /** Replaces any script for the same method and path; answers the printer's scripts. */
    @PUT
    @Path("printers/{printerId}/responses")
    public Response script(@PathParam("printerId") String printerId, String body) {
        return withPrinter(printerId, printer -> {
            ScriptedResponse script = ControlBodies.script(body);
            scripts.put(printerId, script);
            return json(
                    Response.Status.OK,
                    ControlJson.scripts(scripts.forPrinter(printerId)).toString());
        });
    }

    /** {@code ?method=GET&path=/api/job} removes one script (404 when there is none); without both, all of them. */
    @DELETE
    @Path("printers/{printerId}/responses")
    public Response unscript(
            @PathParam("printerId") String printerId,
            @QueryParam("method") String method,
            @QueryParam("path") String path) {
        return withPrinter(printerId, printer -> {
            if (method == null && path == null) {
                scripts.removeAll(printerId);
                return Response.noContent().build();
            }
            if (method == null || path == null) {
                throw new InvalidControlException("Give both method and path, or neither to remove every script.");
            }
            return scripts.remove(printerId, method, path)
                    ? Response.noContent().build()
                    : json(
                            Response.Status.NOT_FOUND,
                            ControlJson.error("No script for " + method + " " + path)
                                    .toString());
        });
    }

    @POST
    @Path("printers/{printerId}/reset-connections")
    public Response resetConnections(@PathParam("printerId") String printerId, String body) {
        return withPrinter(printerId, printer -> {
            resets.schedule(printerId, ControlBodies.count(body));
            return json(
                    Response.Status.OK,
                    Json.createObjectBuilder()
                            .add("pending", resets.pending(printerId))
                            .build()
                            .toString());
        });
    }

    @GET
    @Path("printers/{printerId}/gcode")
    public Response gcode(@PathParam("printerId") String printerId) {
        return withPrinter(
                printerId,
                printer -> json(
                        Response.Status.OK,
                        ControlJson.strings(printer.gcode().snapshot()).toString()));
    }

    @GET
    @Path("printers/{printerId}/files")
    public Response files(@PathParam("printerId") String printerId) {
        return withPrinter(
                printerId,
                printer -> json(
                        Response.Status.OK, ControlJson.files(printer.files()).toString()));
    }

    @POST
    @Path("connections/{connectionId}/revoke")
    public Response revoke(@PathParam("connectionId") String connectionId) {
        return revoked(connectionId, true);
    }

    @DELETE
    @Path("connections/{connectionId}/revoke")
    public Response unrevoke(@PathParam("connectionId") String connectionId) {
        return revoked(connectionId, false);
    }

    /** When the Info App API was called with the connection's token, oldest first: {@code {"calls": [time, ...]}}. */
    @GET
    @Path("connections/{connectionId}/info-calls")
    public Response infoCalls(@PathParam("connectionId") String connectionId) {
        return infoCallsOf(connectionId)
                .map(calls -> json(Response.Status.OK, calls.toString()))
                .orElseGet(() -> unknownConnection(connectionId));
    }

    /** Empty for an unknown connection; a revoked one is still known. */
    Optional<JsonObject> infoCallsOf(String connectionId) {
        return connections.find(connectionId).map(connection -> ControlJson.infoCalls(infoCalls.of(connection.id())));
    }

    private Response revoked(String connectionId, boolean revoke) {
        if (!connections.revoke(connectionId, revoke)) {
            return unknownConnection(connectionId);
        }
        return json(
                Response.Status.OK,
                ControlJson.connection(
                                connections.find(connectionId).orElseThrow(),
                                connections.isRevoked(connectionId),
                                webhookRegistry.find(connectionId))
                        .toString());
    }

    private static Response unknownConnection(String connectionId) {
        return json(
                Response.Status.NOT_FOUND,
                ControlJson.error("Unknown connection: " + connectionId).toString());
    }

    private Response withPrinter(String printerId, java.util.function.Function<EmulatedPrinter, Response> action) {
        Optional<EmulatedPrinter> printer = printers.find(printerId);
        if (printer.isEmpty()) {
            return json(
                    Response.Status.NOT_FOUND,
                    ControlJson.error("Unknown printer: " + printerId).toString());
        }
        try {
            return action.apply(printer.get());
        } catch (InvalidControlException | IllegalArgumentException e) {
            return json(
                    Response.Status.BAD_REQUEST,
                    ControlJson.error(e.getMessage()).toString());
        }
    }

    private static Response json(Response.Status status, String body) {
        return Response.status(status)
                .entity(body)
                .type(MediaType.APPLICATION_JSON)
                .build();
    }
}
