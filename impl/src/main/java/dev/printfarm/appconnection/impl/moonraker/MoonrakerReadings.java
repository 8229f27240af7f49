package dev.printfarm.appconnection.impl.moonraker;

import dev.printfarm.appconnection.api.MoonrakerStatus;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

/** Moonraker's answers for other parts of the module that ask Moonraker themselves (the fleet refresh). */
public final class MoonrakerReadings {

    private MoonrakerReadings() {
    }

    /** An object query's whole answer, {@code {"result": {"eventtime", "status": {…}}}}. */
    public static MoonrakerStatus queryAnswer(JsonObject answer) {
        return MoonrakerJson.queried(answer.getOrDefault("result", JsonValue.EMPTY_JSON_OBJECT));
    }
}
