package dev.printfarm.appconnection.sandbox.relay;

import dev.printfarm.appconnection.sandbox.web.OctoEverywhereErrors;
import jakarta.json.Json;
import jakarta.json.JsonObject;

public record RelayAnswer(int status, JsonObject body, long delayMs) {

    static RelayAnswer of(int status, JsonObject body) {
        return new RelayAnswer(status, body, 0);
    }

    static RelayAnswer octoEverywhereError(int status) {
        return of(status, OctoEverywhereErrors.body(status));
    }

    static RelayAnswer octoPrintError(int status, String message) {
        return of(status, Json.createObjectBuilder().add("error", message).build());
    }

    RelayAnswer delayedBy(long delayMs) {
        return new RelayAnswer(status, body, delayMs);
    }
}
