package dev.printfarm.appconnection.sandbox.moonraker;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.Optional;

/**
 * Moonraker's JSON-RPC 2.0 over the socket: the {@link Endpoint} methods, {@code printer.objects.subscribe} and
 * {@code server.connection.identify}, single requests or batches. Errors as Moonraker gives them: -32700 parse error,
 * -32600 invalid request, -32601 method not found (and a 404 of the endpoint), -32602 invalid params, else the HTTP
 * status the endpoint would have answered.
 */
final class JsonRpc {

    private JsonRpc() {}

    /** The reply to one message (an array for a batch); empty when only notifications came. */
    static Optional<JsonValue> handle(String text, RpcSocket socket, Host host) {
        JsonStructure message;
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            message = reader.read();
        } catch (JsonException | IllegalStateException notJson) {
            return Optional.of(error(-32700, "Parse error", JsonValue.NULL));
        }
        if (message instanceof JsonArray batch) {
            JsonArrayBuilder replies = Json.createArrayBuilder();
            int count = 0;
            for (JsonValue request : batch) {
                Optional<JsonObject> reply = request instanceof JsonObject object
                        ? process(object, socket, host)
                        : Optional.of(error(-32600, "Invalid Request", JsonValue.NULL));
                if (reply.isPresent()) {
                    replies.add(reply.get());
                    count++;
                }
            }
            return count == 0 ? Optional.empty() : Optional.of(replies.build());
        }
        return process(message.asJsonObject(), socket, host).map(JsonValue.class::cast);
    }

    static Optional<JsonObject> process(JsonObject request, RpcSocket socket, Host host) {
        JsonValue id = request.getOrDefault("id", JsonValue.NULL);
        if (!(request.get("jsonrpc") instanceof JsonString version) || !"2.0".equals(version.getString())) {
            return Optional.of(error(-32600, "Invalid Request", id));
        }
        JsonValue method = request.get("method");
        if (method == null) {
            return Optional.empty();
        }
        if (!(method instanceof JsonString name)) {
            return Optional.of(error(-32600, "Invalid Request", id));
        }
        JsonValue params = request.getOrDefault("params", JsonValue.EMPTY_JSON_OBJECT);
        if (!(params instanceof JsonObject arguments)) {
            return Optional.of(error(-32602, "Invalid params:", id));
        }
        JsonValue result;
        try {
            result = call(name.getString(), arguments, socket, host);
        } catch (MoonrakerError refused) {
            int code = switch (refused.status()) {
                case 404 -> -32601;
                case 401 -> -32602;
                default -> refused.status();
            };
            return Optional.of(error(code, refused.getMessage(), id));
        } catch (UnknownMethod unknown) {
            return Optional.of(error(-32601, "Method not found", id));
        }
        if (!request.containsKey("id")) {
            return Optional.empty();
        }
        return Optional.of(Json.createObjectBuilder()
                .add("jsonrpc", "2.0")
                .add("result", result)
                .add("id", id)
                .build());
    }

    private static JsonValue call(String method, JsonObject params, RpcSocket socket, Host host) {
        switch (method) {
            case "server.connection.identify":
                return Json.createObjectBuilder()
                        .add("connection_id", socket.id())
                        .build();
            case "printer.objects.subscribe":
                return socket.subscribe(
                        ObjectQuery.fromJson(params.get("objects")), Machine.of(host.printer(), host.now()));
            default:
                Endpoint endpoint = Endpoint.ofRpcMethod(method).orElseThrow(UnknownMethod::new);
                MoonrakerArgs args = MoonrakerArgs.of(params);
                Optional<ObjectQuery> objects = endpoint == Endpoint.OBJECTS_QUERY
                        ? Optional.of(ObjectQuery.fromJson(params.get("objects")))
                        : Optional.empty();
                return MoonrakerApi.call(endpoint, args, objects, host);
        }
    }

    static JsonObject error(int code, String message, JsonValue id) {
        JsonObjectBuilder error = Json.createObjectBuilder().add("code", code).add("message", message);
        return Json.createObjectBuilder()
                .add("jsonrpc", "2.0")
                .add("error", error)
                .add("id", id)
                .build();
    }

    private static final class UnknownMethod extends RuntimeException {
        UnknownMethod() {
            super(null, null, false, false);
        }
    }
}
