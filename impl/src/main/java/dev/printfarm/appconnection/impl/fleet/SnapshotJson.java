package dev.printfarm.appconnection.impl.fleet;

import dev.printfarm.appconnection.api.ConnectionRoute;
import dev.printfarm.appconnection.api.ConnectionState;
import dev.printfarm.appconnection.api.JobStatus;
import dev.printfarm.appconnection.api.PrinterSnapshot;
import dev.printfarm.appconnection.api.Temperature;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * A snapshot as the servers of a cluster share it in the store: the lease holder writes, the others read. The fields
 * are the record's; an absent one is left out. Only this class writes and reads the format, so it may change with the
 * module (a server reading a row it cannot parse skips it until the holder writes it again).
 */
final class SnapshotJson {

    private SnapshotJson() {
    }

    static String write(PrinterSnapshot s) {
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("id", s.connectionId())
                .add("name", s.printerName())
                .add("state", s.state().name())
                .add("route", s.route().name())
                .add("updatedAt", s.updatedAt().toString());
        s.stateText().ifPresent(t -> json.add("stateText", t));
        s.job().ifPresent(j -> {
            JsonObjectBuilder job = Json.createObjectBuilder();
            j.state().ifPresent(v -> job.add("state", v));
            j.file().ifPresent(v -> job.add("file", v));
            j.progress().ifPresent(v -> job.add("progress", v));
            j.printTimeSeconds().ifPresent(v -> job.add("printTime", v));
            j.printTimeLeftSeconds().ifPresent(v -> job.add("printTimeLeft", v));
            json.add("job", job);
        });
        JsonArrayBuilder temperatures = Json.createArrayBuilder();
        for (Temperature t : s.temperatures()) {
            JsonObjectBuilder one = Json.createObjectBuilder().add("heater", t.heater());
            t.actual().ifPresent(v -> one.add("actual", v));
            t.target().ifPresent(v -> one.add("target", v));
            t.offset().ifPresent(v -> one.add("offset", v));
            temperatures.add(one);
        }
        json.add("temperatures", temperatures);
        s.lastError().ifPresent(e -> {
            JsonObjectBuilder error = Json.createObjectBuilder().add("message", e.message()).add("temporary", e.temporary());
            e.status().ifPresent(v -> error.add("status", v));
            e.remedy().ifPresent(v -> error.add("remedy", v.toString()));
            json.add("lastError", error);
        });
        return json.build().toString();
    }

    static PrinterSnapshot read(String text) {
        JsonObject json;
        try (var reader = Json.createReader(new StringReader(text))) {
            json = reader.readObject();
        }
        Optional<JobStatus> job = Optional.ofNullable(json.getJsonObject("job")).map(j -> new JobStatus(
                string(j, "state"), string(j, "file"), decimal(j, "progress"), whole(j, "printTime"),
                whole(j, "printTimeLeft")));
        List<Temperature> temperatures = json.getJsonArray("temperatures").getValuesAs(JsonObject.class).stream()
                .map(t -> new Temperature(t.getString("heater"), decimal(t, "actual"), decimal(t, "target"),
                        decimal(t, "offset")))
                .toList();
        Optional<PrinterSnapshot.Failure> error = Optional.ofNullable(json.getJsonObject("lastError"))
                .map(e -> new PrinterSnapshot.Failure(
                        e.containsKey("status") ? OptionalInt.of(e.getInt("status")) : OptionalInt.empty(),
                        e.getString("message"), e.getBoolean("temporary"), string(e, "remedy").map(URI::create)));
        return new PrinterSnapshot(json.getString("id"), json.getString("name"),
                ConnectionState.valueOf(json.getString("state")), ConnectionRoute.valueOf(json.getString("route")),
                string(json, "stateText"), job, temperatures, error, Instant.parse(json.getString("updatedAt")));
    }

    private static Optional<String> string(JsonObject json, String key) {
        return json.containsKey(key) && json.get(key).getValueType() == JsonValue.ValueType.STRING
                ? Optional.of(json.getString(key)) : Optional.empty();
    }

    private static OptionalDouble decimal(JsonObject json, String key) {
        return json.get(key) instanceof JsonNumber n ? OptionalDouble.of(n.doubleValue()) : OptionalDouble.empty();
    }

    private static OptionalLong whole(JsonObject json, String key) {
        return json.get(key) instanceof JsonNumber n ? OptionalLong.of(n.longValue()) : OptionalLong.empty();
    }
}
