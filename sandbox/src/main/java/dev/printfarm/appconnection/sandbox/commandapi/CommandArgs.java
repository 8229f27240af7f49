package dev.printfarm.appconnection.sandbox.commandapi;

import dev.printfarm.appconnection.sandbox.octoprint.OctoPrintRequest;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A command's arguments, as the plugin reads them: the JSON body when there is one (typed), else the query string
 * (every value a string). Names are matched ignoring case.
 *
 * @param json the arguments as received, for the call log
 */
record CommandArgs(JsonObject json) {

    static final CommandArgs NONE = new CommandArgs(JsonValue.EMPTY_JSON_OBJECT);

    /** {@code bodyIsData}: the body is a file (upload), so only the query string holds arguments. */
    static CommandArgs of(OctoPrintRequest request, boolean bodyIsData) {
        byte[] body = request.body().bytes();
        if (!bodyIsData && body.length > 0) {
            try (JsonReader reader = Json.createReader(new ByteArrayInputStream(body))) {
                JsonStructure structure = reader.read();
                if (structure instanceof JsonObject object) {
                    return new CommandArgs(object);
                }
                throw new CommandError(
                        CommandCodes.ARG_PARSE_FAILURE,
                        "Failed to parse the command arguments: the body must be a JSON object.");
            } catch (JsonException | IllegalStateException notJson) {
                throw new CommandError(
                        CommandCodes.ARG_PARSE_FAILURE,
                        "Failed to parse the command arguments: the body is not valid JSON.");
            }
        }
        JsonObjectBuilder query = Json.createObjectBuilder();
        for (Map.Entry<String, List<String>> parameter : request.query().entrySet()) {
            List<String> values = parameter.getValue();
            query.add(parameter.getKey().toLowerCase(Locale.ROOT), values.isEmpty() ? "" : values.get(0));
        }
        return new CommandArgs(query.build());
    }

    Optional<JsonValue> get(String... names) {
        for (String name : names) {
            for (Map.Entry<String, JsonValue> entry : json.entrySet()) {
                if (entry.getKey().equalsIgnoreCase(name)
                        && entry.getValue().getValueType() != JsonValue.ValueType.NULL) {
                    return Optional.of(entry.getValue());
                }
            }
        }
        return Optional.empty();
    }

    /** A JSON string argument; any other type counts as absent. */
    Optional<String> string(String name) {
        return get(name).filter(JsonString.class::isInstance).map(value -> ((JsonString) value).getString());
    }

    /** A text argument; a number given in the query string is text too. */
    Optional<String> text(String... names) {
        return get(names).map(value -> value instanceof JsonString string ? string.getString() : value.toString());
    }

    /** A JSON boolean; absent gives {@code absent}, anything else is a bad argument. */
    boolean bool(String name, boolean absent, String problem) {
        Optional<JsonValue> value = get(name);
        if (value.isEmpty()) {
            return absent;
        }
        return switch (value.get().getValueType()) {
            case TRUE -> true;
            case FALSE -> false;
            default -> throw CommandError.badArgument(problem);
        };
    }

    /** A JSON number, booleans and strings refused. */
    Optional<Double> number(String name, String problem) {
        Optional<JsonValue> value = get(name);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        if (value.get() instanceof JsonNumber number) {
            return Optional.of(number.doubleValue());
        }
        throw CommandError.badArgument(problem);
    }

    /** A JSON integer. */
    Optional<Integer> integer(String name, String problem) {
        Optional<JsonValue> value = get(name);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        if (value.get() instanceof JsonNumber number && number.isIntegral()) {
            try {
                return Optional.of(number.intValueExact());
            } catch (ArithmeticException tooLarge) {
                throw CommandError.badArgument(problem);
            }
        }
        throw CommandError.badArgument(problem);
    }
}
