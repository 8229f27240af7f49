package dev.printfarm.appconnection.impl.moonraker;

import jakarta.json.bind.annotation.JsonbProperty;

/** {@code POST /server/files/upload}, which Moonraker answers without the {@code result} wrapper; both are read. */
public record MoonrakerUploadAnswer(
        MoonrakerUploadAnswer result,
        MoonrakerFileAnswer item,
        @JsonbProperty("print_started") Boolean printStarted,
        @JsonbProperty("print_queued") Boolean printQueued) {

    /** The answer inside the wrapper, or this one. */
    public MoonrakerUploadAnswer unwrapped() {
        return result != null ? result : this;
    }
}
