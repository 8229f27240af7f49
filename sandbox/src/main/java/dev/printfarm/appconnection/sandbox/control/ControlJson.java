package dev.printfarm.appconnection.sandbox.control;

import dev.printfarm.appconnection.sandbox.connection.AppConnection;
import dev.printfarm.appconnection.sandbox.lan.LoggedLanRequest;
import dev.printfarm.appconnection.sandbox.octoprint.ScriptedResponse;
import dev.printfarm.appconnection.sandbox.printer.EmulatedPrinter;
import dev.printfarm.appconnection.sandbox.printer.FileStore;
import dev.printfarm.appconnection.sandbox.printer.StoredFile;
import dev.printfarm.appconnection.sandbox.printer.OctoPrintState;
import dev.printfarm.appconnection.sandbox.printer.PrintRun;
import dev.printfarm.appconnection.sandbox.printer.PrinterControls;
import dev.printfarm.appconnection.sandbox.relay.ConnectionCounts;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

final class ControlJson {

    private ControlJson() {
    }

    static JsonObject printer(EmulatedPrinter printer, Instant now, String lanUrl) {
        PrinterControls controls = printer.controls();
        OctoPrintState state = printer.octoPrintAt(now);
        Optional<PrintRun> run = state.job();
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("id", printer.id())
                .add("name", printer.name())
                .add("lanIp", printer.lanIp())
                .add("lanUrl", lanUrl)
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
                .add("limits", Json.createObjectBuilder()
                        .add("maxDownloadBytes", controls.limits().maxDownloadFileSizeBytes())
                        .add("maxUploadBytes", controls.limits().maxUploadFileSizeBytes())
                        .add("maxWebcamSeconds", controls.limits().maxSingleWebcamStreamLengthSeconds()))
                .add("octoprintVersion", controls.octoprintVersion().code())
                .add("storageBytes", printer.files().limitBytes())
                .add("state", state.text())
                .add("job", Json.createObjectBuilder()
                        .add("file", run.<JsonValue>map(r -> Json.createValue(r.fileName())).orElse(JsonValue.NULL))
                        .add("progress", run.<JsonValue>map(r -> Json.createValue(Math.round(r.completion() * 100) / 100.0))
                                .orElse(JsonValue.NULL)))
                .build();
    }

    static JsonObject connection(AppConnection connection, boolean revoked) {
        return Json.createObjectBuilder()
                .add("id", connection.id())
                .add("printerId", connection.printerId())
                .add("appId", connection.appId())
                .add("url", connection.url())
                .add("appApiToken", connection.appApiToken())
                .add("authBasicHttpUser", connection.authBasicHttpUser())
                .add("authBasicHttpPassword", connection.authBasicHttpPassword())
                .add("authBearerToken", connection.authBearerToken())
                .add("octoPrintApiKey", connection.octoPrintApiKey().<JsonValue>map(Json::createValue)
                        .orElse(JsonValue.NULL))
                .add("createdAt", connection.createdAt().toString())
                .add("revoked", revoked)
                .build();
    }

    static JsonObject stats(Map<String, ConnectionCounts> counts) {
        JsonObjectBuilder connections = Json.createObjectBuilder();
        counts.forEach((connectionId, count) -> {
            JsonObjectBuilder byStatus = Json.createObjectBuilder();
            count.byStatus().forEach((status, n) -> byStatus.add(String.valueOf(status), n));
            connections.add(connectionId, Json.createObjectBuilder().add("total", count.total()).add("byStatus", byStatus)
                    .add("uploadBytes", count.uploadBytes()));
        });
        return Json.createObjectBuilder().add("connections", connections).build();
    }

    static JsonArray lanRequests(List<LoggedLanRequest> requests) {
        JsonArrayBuilder array = Json.createArrayBuilder();
        for (LoggedLanRequest request : requests) {
            JsonObjectBuilder headers = Json.createObjectBuilder();
            request.headers().forEach(headers::add);
            array.add(Json.createObjectBuilder()
                    .add("printerId", request.printerId())
                    .add("lanIp", request.lanIp().<JsonValue>map(Json::createValue).orElse(JsonValue.NULL))
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
                    .add("headers", headers));
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
