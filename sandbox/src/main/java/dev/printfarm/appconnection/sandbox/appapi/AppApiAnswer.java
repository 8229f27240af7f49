package dev.printfarm.appconnection.sandbox.appapi;

import dev.printfarm.appconnection.sandbox.web.OctoEverywhereErrors;
import jakarta.json.Json;
import jakarta.json.JsonObject;

/** An App API's status and JSON body; errors carry {@code {"Error": message}}. */
public record AppApiAnswer(int status, JsonObject body) {

    public static AppApiAnswer ok(JsonObject body) {
        return new AppApiAnswer(200, body);
    }

    public static AppApiAnswer error(int status, String message) {
        return new AppApiAnswer(
                status, Json.createObjectBuilder().add("Error", message).build());
    }

    /** OctoEverywhere's own message for a 6xx (or 500). */
    public static AppApiAnswer failure(int status) {
        return new AppApiAnswer(
                status,
                status == 500
                        ? Json.createObjectBuilder()
                                .add("Error", "Internal server error.")
                                .build()
                        : OctoEverywhereErrors.body(status));
    }
}
