package dev.printfarm.appconnection.sandbox.relay;

import dev.printfarm.appconnection.sandbox.octoprint.OctoPrintAnswer;
import dev.printfarm.appconnection.sandbox.web.OctoEverywhereErrors;
import jakarta.json.JsonObject;

public record RelayAnswer(int status, JsonObject body, long delayMs) {

    static RelayAnswer of(int status, JsonObject body) {
        return new RelayAnswer(status, body, 0);
    }

    static RelayAnswer octoEverywhereError(int status) {
        return of(status, OctoEverywhereErrors.body(status));
    }

    /** OctoEverywhere relays the printer's status, headers and body unchanged. */
    static RelayAnswer relayed(OctoPrintAnswer printer) {
        return of(printer.status(), printer.body());
    }

    RelayAnswer delayedBy(long delayMs) {
        return new RelayAnswer(status, body, delayMs);
    }
}
