package dev.printfarm.appconnection.sandbox.state;

import dev.printfarm.appconnection.sandbox.connection.AppConnection;
import dev.printfarm.appconnection.sandbox.printer.EmulatedPrinter;
import dev.printfarm.appconnection.sandbox.webhook.WebhookRegistration;
import dev.printfarm.appconnection.sandbox.webhook.WebhookUrls;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonGenerator;
import jakarta.json.stream.JsonLocation;
import jakarta.json.stream.JsonParsingException;
import java.io.StringReader;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@link SandboxState} as the JSON of {@code connections.json}, and back. Reading trusts nothing: an entry with a
 * missing or ill-typed field, a duplicate, a webhook without its connection or to a host the sandbox would not call
 * is left out and named in the problem, by its place and field only, never by a value (values are secrets).
 */
final class StateJson {

    static final int VERSION = 1;
    /** How many problems the summary names; the others are only counted. */
    static final int NAMED_PROBLEMS = 5;

    private static final BigDecimal INT_MIN = BigDecimal.valueOf(Integer.MIN_VALUE);
    private static final BigDecimal INT_MAX = BigDecimal.valueOf(Integer.MAX_VALUE);

    /** What a file gave: what could be read of it, and what could not, if anything. */
    record Decoded(SandboxState state, Optional<String> problem) {}

    private record Kept(AppConnection connection, boolean revoked) {}

    private StateJson() {}

    static String encode(SandboxState state) {
        StringWriter text = new StringWriter();
        try (JsonGenerator json = Json.createGenerator(text)) {
            json.writeStartObject().write("version", VERSION);
            json.writeStartArray("connections");
            for (AppConnection connection : state.connections()) {
                json.writeStartObject()
                        .write("id", connection.id())
                        .write("printerId", connection.printerId())
                        .write("appId", connection.appId())
                        .write("url", connection.url())
                        .write("authBasicHttpUser", connection.authBasicHttpUser())
                        .write("authBasicHttpPassword", connection.authBasicHttpPassword())
                        .write("authBearerToken", connection.authBearerToken())
                        .write("appApiToken", connection.appApiToken());
                connection.octoPrintApiKey().ifPresent(key -> json.write("octoPrintApiKey", key));
                json.write("createdAt", connection.createdAt().toString())
                        .write("revoked", state.revoked().contains(connection.id()))
                        .writeEnd();
            }
            json.writeEnd();
            json.writeStartArray("webhooks");
            for (WebhookRegistration webhook : state.webhooks()) {
                json.writeStartObject()
                        .write("connectionId", webhook.connectionId())
                        .write("printerId", webhook.printerId())
                        .write("url", webhook.url())
                        .writeStartArray("eventTypes");
                webhook.eventTypes().forEach(json::write);
                json.writeEnd()
                        .write("registeredAt", webhook.registeredAt().toString())
                        .write("base", webhook.base())
                        .writeEnd();
            }
            json.writeEnd();
            json.writeStartObject("userApiKeys");
            state.userApiKeys().forEach(json::write);
            json.writeEnd();
            json.writeEnd();
        }
        return text.toString();
    }

    static Decoded decode(String text) {
        JsonValue root;
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            root = reader.readValue();
        } catch (JsonParsingException e) {
            JsonLocation at = e.getLocation();
            return unreadable("it is not valid JSON"
                    + (at == null ? "" : " (line " + at.getLineNumber() + ", column " + at.getColumnNumber() + ")"));
        } catch (JsonException e) {
            return unreadable("it is not valid JSON");
        }
        if (!(root instanceof JsonObject file)) {
            return unreadable("it is not a JSON object");
        }
        if (exactInt(file.get("version")).orElse(-1) != VERSION) {
            return unreadable(
                    "its version is missing or not " + VERSION + " (written by another version of the sandbox?)");
        }
        Problems problems = new Problems();
        Map<String, Kept> connections = connections(file, problems);
        List<WebhookRegistration> webhooks = webhooks(file, connections, problems);
        Map<String, String> userApiKeys = userApiKeys(file, problems);
        Set<String> revoked = new HashSet<>();
        connections.values().stream()
                .filter(Kept::revoked)
                .forEach(kept -> revoked.add(kept.connection().id()));
        SandboxState state = new SandboxState(
                connections.values().stream().map(Kept::connection).toList(), revoked, webhooks, userApiKeys);
        return new Decoded(state, problems.summary());
    }

    private static Decoded unreadable(String why) {
        return new Decoded(SandboxState.EMPTY, Optional.of(why));
    }

    private static Map<String, Kept> connections(JsonObject file, Problems problems) {
        Map<String, Kept> kept = new LinkedHashMap<>();
        Set<String> appApiTokens = new HashSet<>();
        List<JsonValue> entries = section(file, "connections", problems);
        for (int i = 0; i < entries.size(); i++) {
            String where = "connections[" + i + "]";
            if (!(entries.get(i) instanceof JsonObject entry)) {
                problems.add(where + " is not an object");
                continue;
            }
            Fields fields = new Fields(entry);
            String id = fields.text("id");
            String printerId = fields.text("printerId");
            String appId = fields.anyText("appId");
            String url = fields.anyText("url");
            String user = fields.text("authBasicHttpUser");
            String password = fields.text("authBasicHttpPassword");
            String bearer = fields.text("authBearerToken");
            String appApiToken = fields.text("appApiToken");
            Optional<String> apiKey = fields.optionalText("octoPrintApiKey");
            Instant createdAt = fields.instant("createdAt");
            boolean revoked = fields.bool("revoked");
            if (fields.bad()) {
                problems.add(where + ": missing or invalid " + fields.badNames());
                continue;
            }
            if (kept.containsKey(id)) {
                problems.add(where + " has the id of an earlier connection");
                continue;
            }
            if (!appApiTokens.add(appApiToken)) {
                problems.add(where + " has the App API token of an earlier connection");
                continue;
            }
            try {
                kept.put(
                        id,
                        new Kept(
                                new AppConnection(
                                        id,
                                        printerId,
                                        appId,
                                        url,
                                        user,
                                        password,
                                        bearer,
                                        appApiToken,
                                        apiKey,
                                        createdAt),
                                revoked));
            } catch (IllegalArgumentException e) {
                problems.add(where + ": " + e.getMessage());
            }
        }
        return kept;
    }

    private static List<WebhookRegistration> webhooks(
            JsonObject file, Map<String, Kept> connections, Problems problems) {
        Map<String, WebhookRegistration> kept = new LinkedHashMap<>();
        List<JsonValue> entries = section(file, "webhooks", problems);
        for (int i = 0; i < entries.size(); i++) {
            String where = "webhooks[" + i + "]";
            if (!(entries.get(i) instanceof JsonObject entry)) {
                problems.add(where + " is not an object");
                continue;
            }
            Fields fields = new Fields(entry);
            String connectionId = fields.text("connectionId");
            String printerId = fields.text("printerId");
            String url = fields.text("url");
            Set<Integer> eventTypes = fields.integers("eventTypes");
            Instant registeredAt = fields.instant("registeredAt");
            String base = fields.text("base");
            if (fields.bad()) {
                problems.add(where + ": missing or invalid " + fields.badNames());
                continue;
            }
            Kept connection = connections.get(connectionId);
            if (connection == null) {
                problems.add(where + " is for a connection that is not kept");
            } else if (!connection.connection().printerId().equals(printerId)) {
                problems.add(where + " names another printer than its connection's");
            } else if (WebhookUrls.problem(url).isPresent()) {
                problems.add(where + ": url is not one the sandbox calls (http or https on a loopback host)");
            } else if (!(base.startsWith("http://") || base.startsWith("https://"))) {
                problems.add(where + ": base is not an http or https URL");
            } else if (kept.containsKey(connectionId)) {
                problems.add(where + " is a second webhook for the same connection");
            } else {
                kept.put(
                        connectionId,
                        WebhookRegistration.of(connectionId, printerId, url, eventTypes, registeredAt, base));
            }
        }
        return List.copyOf(kept.values());
    }

    private static Map<String, String> userApiKeys(JsonObject file, Problems problems) {
        Map<String, String> kept = new LinkedHashMap<>();
        JsonValue section = file.get("userApiKeys");
        if (section == null) {
            return kept;
        }
        if (!(section instanceof JsonObject keys)) {
            problems.add("userApiKeys is not an object");
            return kept;
        }
        int i = 0;
        for (Map.Entry<String, JsonValue> entry : keys.entrySet()) {
            if (entry.getValue() instanceof JsonString key && EmulatedPrinter.isApiKeyShaped(key.getString())) {
                kept.put(entry.getKey(), key.getString());
            } else {
                problems.add("userApiKeys, entry " + i + ", is not an API key (32 upper-case hex digits)");
            }
            i++;
        }
        return kept;
    }

    /**
     * An int written as such; compared as a decimal first, which costs nothing even for a number like
     * {@code 1e999999999} that would not fit in memory as an integer.
     */
    private static OptionalInt exactInt(JsonValue value) {
        if (!(value instanceof JsonNumber number)) {
            return OptionalInt.empty();
        }
        BigDecimal decimal = number.bigDecimalValue();
        if (decimal.compareTo(INT_MIN) < 0 || decimal.compareTo(INT_MAX) > 0) {
            return OptionalInt.empty();
        }
        try {
            return OptionalInt.of(decimal.intValueExact());
        } catch (ArithmeticException fraction) {
            return OptionalInt.empty();
        }
    }

    /** The entries of a top-level array; none when it is absent, none and a problem when it is not an array. */
    private static List<JsonValue> section(JsonObject file, String name, Problems problems) {
        JsonValue section = file.get(name);
        if (section == null) {
            return List.of();
        }
        if (!(section instanceof JsonArray array)) {
            problems.add(name + " is not an array");
            return List.of();
        }
        return array;
    }

    /** Reads the fields of one entry, noting the names of those that are missing or of the wrong type. */
    private static final class Fields {

        private final JsonObject entry;
        private final List<String> bad = new ArrayList<>();

        Fields(JsonObject entry) {
            this.entry = entry;
        }

        /** A string that is not empty. */
        String text(String name) {
            if (entry.get(name) instanceof JsonString text && !text.getString().isEmpty()) {
                return text.getString();
            }
            bad.add(name);
            return "";
        }

        /** A string, empty or not. */
        String anyText(String name) {
            if (entry.get(name) instanceof JsonString text) {
                return text.getString();
            }
            bad.add(name);
            return "";
        }

        /** Absent or null is none; anything else must be a non-empty string. */
        Optional<String> optionalText(String name) {
            JsonValue value = entry.get(name);
            if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
                return Optional.empty();
            }
            return Optional.of(text(name));
        }

        Instant instant(String name) {
            if (entry.get(name) instanceof JsonString text) {
                try {
                    return Instant.parse(text.getString());
                } catch (DateTimeParseException e) {
                    bad.add(name);
                    return Instant.EPOCH;
                }
            }
            bad.add(name);
            return Instant.EPOCH;
        }

        boolean bool(String name) {
            JsonValue value = entry.get(name);
            JsonValue.ValueType type = value == null ? JsonValue.ValueType.NULL : value.getValueType();
            if (type != JsonValue.ValueType.TRUE && type != JsonValue.ValueType.FALSE) {
                bad.add(name);
            }
            return type == JsonValue.ValueType.TRUE;
        }

        Set<Integer> integers(String name) {
            Set<Integer> integers = new TreeSet<>();
            if (!(entry.get(name) instanceof JsonArray array)) {
                bad.add(name);
                return integers;
            }
            for (JsonValue value : array) {
                OptionalInt integer = exactInt(value);
                if (integer.isEmpty()) {
                    bad.add(name);
                    return integers;
                }
                integers.add(integer.getAsInt());
            }
            return integers;
        }

        boolean bad() {
            return !bad.isEmpty();
        }

        String badNames() {
            return String.join(", ", bad);
        }
    }

    /** Counts every problem and names the first {@link #NAMED_PROBLEMS}. */
    private static final class Problems {

        private final List<String> named = new ArrayList<>();
        private int count;

        void add(String problem) {
            if (named.size() < NAMED_PROBLEMS) {
                named.add(problem);
            }
            count++;
        }

        Optional<String> summary() {
            if (count == 0) {
                return Optional.empty();
            }
            String unnamed = count > named.size() ? "; and " + (count - named.size()) + " more" : "";
            return Optional.of((count == 1 ? "1 entry" : count + " entries") + " could not be taken back ("
                    + String.join("; ", named) + unnamed + ")");
        }
    }
}
