package dev.printfarm.appconnection.sandbox.control;

import dev.printfarm.appconnection.sandbox.appapi.AppApiFault;
import dev.printfarm.appconnection.sandbox.commandapi.CommandCalls;
import dev.printfarm.appconnection.sandbox.connection.AppConnection;
import dev.printfarm.appconnection.sandbox.gadget.GadgetCall;
import dev.printfarm.appconnection.sandbox.lan.LoggedLanRequest;
import dev.printfarm.appconnection.sandbox.live.LiveLink;
import dev.printfarm.appconnection.sandbox.moonraker.MoonrakerSocketCounts;
import dev.printfarm.appconnection.sandbox.octoprint.ScriptedResponse;
import dev.printfarm.appconnection.sandbox.outage.RefusedRequest;
import dev.printfarm.appconnection.sandbox.printer.EmulatedPrinter;
import dev.printfarm.appconnection.sandbox.printer.FileStore;
import dev.printfarm.appconnection.sandbox.printer.OctoPrintState;
import dev.printfarm.appconnection.sandbox.printer.PrintRun;
import dev.printfarm.appconnection.sandbox.printer.PrinterControls;
import dev.printfarm.appconnection.sandbox.printer.StoredFile;
import dev.printfarm.appconnection.sandbox.printer.Toolhead;
import dev.printfarm.appconnection.sandbox.push.PushCounts;
import dev.printfarm.appconnection.sandbox.relay.ConnectionCounts;
import dev.printfarm.appconnection.sandbox.relay.InFlightCounts;
import dev.printfarm.appconnection.sandbox.webcam.WebcamCounts;
import dev.printfarm.appconnection.sandbox.webhook.WebhookDelivery;
import dev.printfarm.appconnection.sandbox.webhook.WebhookRegistration;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;

final class ControlJson {

    private ControlJson() {}

    static JsonObject printer(EmulatedPrinter printer, Instant now, String lanUrl) {
        PrinterControls controls = printer.controls();
        OctoPrintState state = printer.octoPrintAt(now);
        Optional<PrintRun> run = state.job();
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("id", printer.id())
                .add("name", printer.name())
                .add("lanIp", printer.lanIp())
                .add("lanUrl", lanUrl)
                .add("userApiKey", printer.userApiKey())
                .add("online", controls.online());
        if (controls.failWith().isPresent()) {
            json.add("failWith", controls.failWith().getAsInt());
        } else {
            json.addNull("failWith");
        }
        return json.add("latencyMs", controls.latencyMs())
                .add("lan", controls.lan())
                .add("plugin", controls.plugin())
                .add("supporter", controls.supporter())
                .add(
                        "limits",
                        Json.createObjectBuilder()
                                .add("maxDownloadBytes", controls.limits().maxDownloadFileSizeBytes())
                                .add("maxUploadBytes", controls.limits().maxUploadFileSizeBytes())
                                .add("maxWebcamSeconds", controls.limits().maxSingleWebcamStreamLengthSeconds()))
                .add("octoprintVersion", controls.octoprintVersion().code())
                .add(
                        "webcamBackToBack",
                        controls.webcamBackToBack()
                                .<JsonValue>map(rule -> Json.createObjectBuilder()
                                        .add("max", rule.max())
                                        .add("windowSeconds", rule.window().toSeconds())
                                        .build())
                                .orElse(JsonValue.NULL))
                .add(
                        "cutBodyAfterBytes",
                        controls.cutBodyAfterBytes().isPresent()
                                ? Json.createValue(controls.cutBodyAfterBytes().getAsLong())
                                : JsonValue.NULL)
                .add("storageBytes", printer.files().limitBytes())
                .add("kind", controls.kind().code())
                .add("features", controls.effectiveFeatures())
                .add("light", printer.lightOn())
                .add("toolhead", toolhead(printer.toolhead()))
                .add("state", state.text())
                .add(
                        "job",
                        Json.createObjectBuilder()
                                .add(
                                        "file",
                                        run.<JsonValue>map(r -> Json.createValue(r.fileName()))
                                                .orElse(JsonValue.NULL))
                                .add(
                                        "progress",
                                        run.<JsonValue>map(
                                                        r -> Json.createValue(Math.round(r.completion() * 100) / 100.0))
                                                .orElse(JsonValue.NULL)))
                .build();
    }

    private static JsonObject toolhead(Toolhead head) {
        return Json.createObjectBuilder()
                .add("x", head.x())
                .add("y", head.y())
                .add("z", head.z())
                .add("e", head.e())
                .add("homedAxes", head.homedAxes())
                .build();
    }

    /** The command API calls a printer received, oldest first. */
    static JsonArray commandCalls(List<CommandCalls.Call> calls) {
        JsonArrayBuilder array = Json.createArrayBuilder();
        for (CommandCalls.Call call : calls) {
            array.add(Json.createObjectBuilder()
                    .add("time", time(call.time()))
                    .add("connectionId", call.connectionId())
                    .add("command", call.command())
                    .add("status", call.status())
                    .add("args", call.args()));
        }
        return array.build();
    }

    static JsonObject userApiKey(String key) {
        return Json.createObjectBuilder().add("userApiKey", key).build();
    }

    static JsonObject connection(AppConnection connection, boolean revoked) {
        return connection(connection, revoked, Optional.empty());
    }

    /** {@code webhook}: {@code null} or {@code {"url" (masked), "filter" (empty: all), "registeredAt", "expiresAt"}} */
    static JsonObject connection(AppConnection connection, boolean revoked, Optional<WebhookRegistration> webhook) {
        return Json.createObjectBuilder()
                .add("id", connection.id())
                .add("printerId", connection.printerId())
                .add("appId", connection.appId())
                .add("url", connection.url())
                .add("appApiToken", connection.appApiToken())
                .add("authBasicHttpUser", connection.authBasicHttpUser())
                .add("authBasicHttpPassword", connection.authBasicHttpPassword())
                .add("authBearerToken", connection.authBearerToken())
                .add(
                        "octoPrintApiKey",
                        connection
                                .octoPrintApiKey()
                                .<JsonValue>map(Json::createValue)
                                .orElse(JsonValue.NULL))
                .add("createdAt", connection.createdAt().toString())
                .add("revoked", revoked)
                .add("webhook", webhook.<JsonValue>map(ControlJson::webhook).orElse(JsonValue.NULL))
                .build();
    }

    static JsonObject webhook(WebhookRegistration registration) {
        JsonArrayBuilder filter = Json.createArrayBuilder();
        registration.eventTypes().forEach(filter::add);
        return Json.createObjectBuilder()
                .add("url", registration.maskedUrl())
                .add("filter", filter)
                .add("registeredAt", time(registration.registeredAt()))
                .add("expiresAt", time(registration.expiresAt()))
                .build();
    }

    /** Oldest first; {@code status} is {@code null} when there was no answer, {@code error} says why. */
    static JsonArray webhookDeliveries(List<WebhookDelivery> deliveries) {
        JsonArrayBuilder array = Json.createArrayBuilder();
        for (WebhookDelivery delivery : deliveries) {
            array.add(Json.createObjectBuilder()
                    .add("connectionId", delivery.connectionId())
                    .add("printerId", delivery.printerId())
                    .add("url", delivery.url())
                    .add("eventType", delivery.eventType())
                    .add(
                            "status",
                            delivery.status().isPresent()
                                    ? Json.createValue(delivery.status().getAsInt())
                                    : JsonValue.NULL)
                    .add(
                            "error",
                            delivery.error().<JsonValue>map(Json::createValue).orElse(JsonValue.NULL))
                    .add("time", time(delivery.time())));
        }
        return array.build();
    }

    /** {@code {"calls": [time, ...], "byConnection": {connectionId: [time, ...]}}}, oldest first. */
    static JsonObject gadgetCalls(List<GadgetCall> calls) {
        JsonArrayBuilder all = Json.createArrayBuilder();
        Map<String, JsonArrayBuilder> byConnection = new TreeMap<>();
        for (GadgetCall call : calls) {
            all.add(time(call.time()));
            byConnection
                    .computeIfAbsent(call.connectionId(), id -> Json.createArrayBuilder())
                    .add(time(call.time()));
        }
        JsonObjectBuilder connections = Json.createObjectBuilder();
        byConnection.forEach(connections::add);
        return Json.createObjectBuilder()
                .add("calls", all)
                .add("byConnection", connections)
                .build();
    }

    /** {@code {"calls": [time, ...]}}, in the order given (oldest first). */
    static JsonObject infoCalls(List<Instant> calls) {
        JsonArrayBuilder all = Json.createArrayBuilder();
        calls.forEach(call -> all.add(time(call)));
        return Json.createObjectBuilder().add("calls", all).build();
    }

    static JsonArray liveLinks(List<LiveLink> links, Instant now, Function<String, Optional<String>> currentPrintId) {
        JsonArrayBuilder array = Json.createArrayBuilder();
        for (LiveLink link : links) {
            array.add(Json.createObjectBuilder()
                    .add("liveId", link.liveId())
                    .add("connectionId", link.connectionId())
                    .add("printerId", link.printerId())
                    .add("url", link.url())
                    .add("shortUrl", link.shortUrl())
                    .add("expirationHours", link.expirationHours())
                    .add("endWhenCurrentPrintIsComplete", link.endWhenCurrentPrintIsComplete())
                    .add(
                            "printId",
                            link.printId().<JsonValue>map(Json::createValue).orElse(JsonValue.NULL))
                    .add("createdAt", time(link.createdAt()))
                    .add("expiresAt", time(link.expiresAt()))
                    .add("active", link.activeAt(now, currentPrintId.apply(link.printerId()))));
        }
        return array.build();
    }

    /** ISO-8601 UTC to the millisecond, e.g. {@code 2026-11-28T10:00:00.250Z}. */
    static String time(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.MILLIS));
    }

    /**
     * In-flight counts first, then the requests dropped unanswered by a relay outage, then the answered requests per
     * connection.
     */
    static JsonObject stats(Map<String, ConnectionCounts> counts, InFlightCounts inFlight, long refusedByOutage) {
        JsonObjectBuilder connections = Json.createObjectBuilder();
        counts.forEach((connectionId, count) -> {
            JsonObjectBuilder byStatus = Json.createObjectBuilder();
            count.byStatus().forEach((status, n) -> byStatus.add(String.valueOf(status), n));
            connections.add(
                    connectionId,
                    Json.createObjectBuilder()
                            .add("total", count.total())
                            .add("byStatus", byStatus)
                            .add("uploadBytes", count.uploadBytes()));
        });
        JsonObjectBuilder byPrinter = Json.createObjectBuilder();
        inFlight.byPrinter().forEach(byPrinter::add);
        return Json.createObjectBuilder()
                .add("inFlight", inFlight.inFlight())
                .add("peakInFlight", inFlight.peakInFlight())
                .add("inFlightByPrinter", byPrinter)
                .add("refusedByOutage", refusedByOutage)
                .add("connections", connections)
                .build();
    }

    /** {@code {"remainingMs": n}}, 0 when no outage is on. */
    static JsonObject outage(Duration remaining) {
        return Json.createObjectBuilder()
                .add("remainingMs", remaining.toMillis())
                .build();
    }

    /** {@code {"failWith": n or null, "times": what is left or null, "failed": n}}. */
    static JsonObject appApiFault(Optional<AppApiFault.Plan> plan, long failed) {
        JsonObjectBuilder json = Json.createObjectBuilder();
        if (plan.isPresent()) {
            json.add("failWith", plan.get().status());
        } else {
            json.addNull("failWith");
        }
        if (plan.isPresent() && plan.get().times().isPresent()) {
            json.add("times", plan.get().times().getAsInt());
        } else {
            json.addNull("times");
        }
        return json.add("failed", failed).build();
    }

    /** {@code {"ports": {"<port>": requests}}}, by port. */
    static JsonObject clientPorts(SortedMap<Integer, Long> requestsByPort) {
        var ports = Json.createObjectBuilder();
        requestsByPort.forEach((port, count) -> ports.add(String.valueOf(port), count));
        return Json.createObjectBuilder().add("ports", ports).build();
    }

    /** {@code {"requests": [{"time", "method", "path", "clientPort"}]}}, oldest first. */
    static JsonObject refusedRequests(List<RefusedRequest> requests) {
        JsonArrayBuilder array = Json.createArrayBuilder();
        requests.forEach(r -> array.add(Json.createObjectBuilder()
                .add("time", time(r.time()))
                .add("method", r.method())
                .add("path", r.path())
                .add("clientPort", r.clientPort())));
        return Json.createObjectBuilder().add("requests", array).build();
    }

    /** The answer to a peak reset. */
    static JsonObject peak(InFlightCounts inFlight) {
        return Json.createObjectBuilder()
                .add("peakInFlight", inFlight.peakInFlight())
                .add("inFlight", inFlight.inFlight())
                .build();
    }

    /** The relay's counts at the top level, the LAN face's (never a 609 or a cut) under {@code lan}. */
    static JsonObject webcam(WebcamCounts relay, WebcamCounts lan) {
        return webcamCounts(relay).add("lan", webcamCounts(lan)).build();
    }

    private static JsonObjectBuilder webcamCounts(WebcamCounts counts) {
        JsonArrayBuilder opens = Json.createArrayBuilder();
        counts.opens().forEach(open -> opens.add(time(open)));
        return Json.createObjectBuilder()
                .add("snapshots", counts.snapshots())
                .add("streamsOpened", counts.streamsOpened())
                .add("activeStreams", counts.activeStreams())
                .add("maxConcurrentStreams", counts.maxConcurrentStreams())
                .add("refused609", counts.refused609())
                .add("cutAtLimit", counts.cutAtLimit())
                .add("opens", opens);
    }

    static JsonObject push(PushCounts counts) {
        return push(counts, Optional.empty());
    }

    /** OctoPrint's push sockets at the top level, Moonraker's JSON-RPC sockets under {@code moonraker}. */
    static JsonObject push(PushCounts counts, Optional<MoonrakerSocketCounts> moonraker) {
        JsonObjectBuilder statuses = Json.createObjectBuilder();
        counts.statuses().forEach((status, count) -> statuses.add(String.valueOf(status), count));
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("open", counts.open())
                .add("authenticated", counts.authenticated())
                .add("handshakes", counts.handshakes())
                .add("statuses", statuses)
                .add("framesSent", counts.framesSent());
        moonraker.ifPresent(sockets -> {
            JsonObjectBuilder answered = Json.createObjectBuilder();
            sockets.statuses().forEach((status, count) -> answered.add(String.valueOf(status), count));
            json.add(
                    "moonraker",
                    Json.createObjectBuilder()
                            .add("open", sockets.open())
                            .add("subscribed", sockets.subscribed())
                            .add("handshakes", sockets.handshakes())
                            .add("statuses", answered)
                            .add("framesSent", sockets.framesSent()));
        });
        return json.build();
    }

    static JsonArray lanRequests(List<LoggedLanRequest> requests) {
        JsonArrayBuilder array = Json.createArrayBuilder();
        for (LoggedLanRequest request : requests) {
            JsonObjectBuilder headers = Json.createObjectBuilder();
            request.headers().forEach(headers::add);
            array.add(Json.createObjectBuilder()
                    .add("printerId", request.printerId())
                    .add(
                            "lanIp",
                            request.lanIp().<JsonValue>map(Json::createValue).orElse(JsonValue.NULL))
                    .add("method", request.method())
                    .add("path", request.path())
                    .add("status", request.status())
                    .add("headers", headers));
        }
        return array.build();
    }

    static JsonArray scripts(List<ScriptedResponse> scripts) {
        JsonArrayBuilder array = Json.createArrayBuilder();
        for (ScriptedResponse script : scripts) {
            JsonObjectBuilder headers = Json.createObjectBuilder();
            script.headers().forEach(headers::add);
            array.add(Json.createObjectBuilder()
                    .add("method", script.method())
                    .add("path", script.path())
                    .add("status", script.status())
                    .add("body", script.body())
                    .add("headers", headers)
                    .add("endless", script.endless()));
        }
        return array.build();
    }

    static JsonObject files(FileStore store) {
        JsonArrayBuilder files = Json.createArrayBuilder();
        for (StoredFile file : store.all()) {
            files.add(Json.createObjectBuilder()
                    .add("location", file.location())
                    .add("path", file.path())
                    .add("size", file.size())
                    .add("date", file.date().toString()));
        }
        return Json.createObjectBuilder()
                .add("files", files)
                .add("usedBytes", store.usedBytes())
                .add("limitBytes", store.limitBytes())
                .add("uploadBytesReceived", store.receivedBytes())
                .build();
    }

    static JsonArray strings(List<String> values) {
        JsonArrayBuilder array = Json.createArrayBuilder();
        values.forEach(array::add);
        return array.build();
    }

    static JsonObject error(String message) {
        return Json.createObjectBuilder().add("error", message).build();
    }
}
