package dev.printfarm.appconnection.impl.gadget;

import dev.printfarm.appconnection.api.AppConnectionException;
import dev.printfarm.appconnection.api.GadgetStatus;
import dev.printfarm.appconnection.api.GadgetUpdate;
import dev.printfarm.appconnection.impl.relay.OctoEverywhereStatus;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.StringReader;
import java.net.URI;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A Gadget update as the server polling for the cluster shares it with the others. A failure travels as its status
 * and is rebuilt on the reading server as the exception the module throws for that status (one without a status, such
 * as an unreachable relay, as an unreachable one); the message of the original is not carried.
 */
final class GadgetUpdateJson {

    private GadgetUpdateJson() {
    }

    static String write(GadgetUpdate update) {
        JsonObjectBuilder json = Json.createObjectBuilder().add("id", update.connectionId()).add("at", update.at().toString());
        update.status().ifPresent(s -> {
            JsonObjectBuilder status = Json.createObjectBuilder().add("state", s.state().name()).add("color", s.color().name());
            s.status().ifPresent(v -> status.add("text", v));
            s.rating().ifPresent(v -> status.add("rating", v));
            json.add("status", status);
        });
        update.failure().ifPresent(f -> {
            JsonObjectBuilder failure = Json.createObjectBuilder();
            f.status().ifPresent(v -> failure.add("status", v));
            json.add("failure", failure);
        });
        return json.build().toString();
    }

    static GadgetUpdate read(String text, URI serviceUrl, String appId) {
        JsonObject json;
        try (var reader = Json.createReader(new StringReader(text))) {
            json = reader.readObject();
        }
        String id = json.getString("id");
        Instant at = Instant.parse(json.getString("at"));
        JsonObject status = json.getJsonObject("status");
        if (status != null) {
            return GadgetUpdate.of(id, at, new GadgetStatus(GadgetStatus.State.valueOf(status.getString("state")),
                    Optional.ofNullable(status.getString("text", null)),
                    GadgetStatus.Color.valueOf(status.getString("color")),
                    status.containsKey("rating") ? OptionalInt.of(status.getInt("rating")) : OptionalInt.empty()));
        }
        JsonObject failure = json.getJsonObject("failure");
        AppConnectionException error = failure.containsKey("status")
                ? OctoEverywhereStatus.exceptionFor(failure.getInt("status"), id, serviceUrl, appId)
                : OctoEverywhereStatus.unreachable(id, new java.io.IOException("reported by the server polling Gadget"));
        return GadgetUpdate.failed(id, at, error);
    }
}
