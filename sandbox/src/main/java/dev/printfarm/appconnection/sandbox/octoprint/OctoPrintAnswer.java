package dev.printfarm.appconnection.sandbox.octoprint;

import jakarta.json.Json;
import jakarta.json.JsonObject;

/** What the emulated OctoPrint itself answers, before any relay or LAN behaviour is added. */
public record OctoPrintAnswer(int status, JsonObject body) {

    static OctoPrintAnswer ok(JsonObject body) {
        return new OctoPrintAnswer(200, body);
    }

    /** OctoPrint's error shape, {@code {"error": "..."}}. */
    public static OctoPrintAnswer error(int status, String message) {
        return new OctoPrintAnswer(status, Json.createObjectBuilder().add("error", message).build());
    }
}
