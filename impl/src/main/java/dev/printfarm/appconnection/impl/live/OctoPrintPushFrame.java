package dev.printfarm.appconnection.impl.live;

import dev.printfarm.appconnection.impl.json.FromText;
import dev.printfarm.appconnection.impl.json.OtherKeys;
import dev.printfarm.appconnection.impl.octoprint.OctoPrintJobAnswer;
import dev.printfarm.appconnection.impl.octoprint.OctoPrintPrinterAnswer;
import jakarta.json.JsonValue;
import jakarta.json.bind.annotation.JsonbProperty;
import java.util.List;
import java.util.Map;

/**
 * One frame of OctoPrint's push socket: {@code connected}, {@code current}, {@code history}, {@code event} or
 * {@code plugin}; other keys ({@code reauthRequired}, {@code timelapse}, ...) are ignored.
 */
public record OctoPrintPushFrame(Connected connected, State current, State history, Event event, Plugin plugin) {

    /** The server's versions. */
    public record Connected(
            String version,
            @JsonbProperty("display_version") String displayVersion) {}

    /** The {@code /api/job} fields, with {@code state} as an object (or, defensively, a text), and recent temperatures. */
    public record State(
            StateText state,
            OctoPrintJobAnswer.Job job,
            OctoPrintJobAnswer.Progress progress,
            List<Sample> temps,
            Double currentZ) {}

    /** The state's text. */
    public record StateText(@FromText String text) {}

    /** One temperature sample: the heaters by name. */
    public record Sample(Double time, @OtherKeys Map<String, OctoPrintPrinterAnswer.Heater> heaters) {}

    /** An OctoPrint event with its payload as sent. */
    public record Event(String type, Map<String, JsonValue> payload) {}

    /** A plugin's message; its data is passed on as JSON text. */
    public record Plugin(String plugin, JsonValue data) {}
}
