package dev.printfarm.appconnection.impl.moonraker;

import dev.printfarm.appconnection.impl.json.FromText;

/** Moonraker's error answer, {@code {"error": {"code", "message"}}} or {@code {"error": "text"}}. */
public record MoonrakerErrorAnswer(Error error) {

    /** The error; a bare text is its message. */
    public record Error(Integer code, @FromText String message) {
    }
}
