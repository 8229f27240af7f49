package dev.printfarm.appconnection.impl.octoprint;

import dev.printfarm.appconnection.impl.json.OtherKeys;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** {@code GET /api/printer}: state, heaters by name (with history when asked) and the storage; 1.x {@code sd}, 2.0 {@code storage}. */
public record OctoPrintPrinterAnswer(State state, Temperatures temperature, Ready sd, Storage storage) {

    /** The state text and flags. */
    public record State(String text, Flags flags) {}

    /** The flags this module reads. */
    public record Flags(Boolean operational, Boolean printing, Boolean paused, Boolean pausing, Boolean error) {}

    /** {@code tool0}, {@code bed}, {@code chamber}, ... and the history. */
    public record Temperatures(
            List<Sample> history, @OtherKeys Map<String, Heater> heaters) {}

    /** One history sample: its time and the heaters then. */
    public record Sample(Instant time, @OtherKeys Map<String, Heater> heaters) {}

    /** One heater; history samples carry no offset. */
    public record Heater(Double actual, Double target, Double offset) {}

    /** Whether a storage is ready. */
    public record Ready(Boolean ready) {}

    /** 2.0: {@code storage.printer.ready}, or {@code storage.ready}. */
    public record Storage(Boolean ready, Ready printer) {}
}
