package dev.printfarm.appconnection.sandbox.octoprint.printer;

import dev.printfarm.appconnection.sandbox.octoprint.OctoPrintAnswer;
import dev.printfarm.appconnection.sandbox.octoprint.OctoPrintRequest;
import dev.printfarm.appconnection.sandbox.printer.OctoPrintState;
import dev.printfarm.appconnection.sandbox.printer.OctoPrintVersion;
import dev.printfarm.appconnection.sandbox.printer.Temperature;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.time.Instant;
import java.util.Arrays;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** {@code GET /api/printer}: temperatures (with history), storage state and state flags. */
public final class PrinterApi {

    static final String NOT_OPERATIONAL = "Printer is not operational";
    /** OctoPrint samples temperatures about every two seconds. */
    static final int HISTORY_STEP_SECONDS = 2;

    static final int MAX_HISTORY = 300;

    private PrinterApi() {}

    /** {@code history} temperature samples are recomputed for past instants with {@code sample}. */
    public static OctoPrintAnswer state(
            OctoPrintRequest request, OctoPrintState state, Function<Instant, OctoPrintState> sample, Instant now) {
        if (!state.connected()) {
            return OctoPrintAnswer.error(409, NOT_OPERATIONAL);
        }
        Set<String> excluded = request.queryParam("exclude")
                .map(list -> Arrays.stream(list.split(",")).map(String::strip).collect(Collectors.toSet()))
                .orElse(Set.of());
        JsonObjectBuilder body = Json.createObjectBuilder();
        if (!excluded.contains("temperature")) {
            JsonObjectBuilder temperature = temperatures(state);
            if (request.queryParam("history").filter("true"::equalsIgnoreCase).isPresent()) {
                int limit = request.queryParam("limit")
                        .flatMap(PrinterApi::positive)
                        .orElse(MAX_HISTORY);
                temperature.add("history", history(Math.min(limit, MAX_HISTORY), sample, now));
            }
            body.add("temperature", temperature);
        }
        if (!excluded.contains("sd")) {
            if (state.version() == OctoPrintVersion.V1) {
                body.add("sd", Json.createObjectBuilder().add("ready", false));
            } else {
                body.add(
                        "storage",
                        Json.createObjectBuilder()
                                .add("printer", Json.createObjectBuilder().add("ready", false)));
            }
        }
        if (!excluded.contains("state")) {
            body.add("state", stateJson(state));
        }
        return OctoPrintAnswer.ok(body.build());
    }

    /** The {@code state} object, shared with the push socket's {@code current} and {@code history}. */
    public static JsonObject stateJson(OctoPrintState state) {
        boolean connected = state.connected();
        return Json.createObjectBuilder()
                .add("text", state.text())
                .add(
                        "flags",
                        Json.createObjectBuilder()
                                .add("operational", connected)
                                .add("paused", state.paused())
                                .add("printing", state.printing())
                                .add("pausing", false)
                                .add("cancelling", false)
                                .add("finishing", false)
                                .add("sdReady", false)
                                .add("error", false)
                                .add("ready", connected && state.job().isEmpty())
                                .add("closedOrError", !connected))
                .build();
    }

    private static JsonObjectBuilder temperatures(OctoPrintState state) {
        JsonObjectBuilder temperature = Json.createObjectBuilder()
                .add("tool0", temperature(state.tool0()))
                .add("bed", temperature(state.bed()));
        if (state.chamber().target() > 0) {
            temperature.add("chamber", temperature(state.chamber()));
        }
        return temperature;
    }

    private static JsonArrayBuilder history(int limit, Function<Instant, OctoPrintState> sample, Instant now) {
        JsonArrayBuilder history = Json.createArrayBuilder();
        for (int i = limit - 1; i >= 0; i--) {
            Instant at = now.minusSeconds((long) i * HISTORY_STEP_SECONDS);
            history.add(temperatureSample(sample.apply(at), at));
        }
        return history;
    }

    /** One sample as in the temperature history and in the push socket's {@code temps}. */
    public static JsonObject temperatureSample(OctoPrintState state, Instant at) {
        return Json.createObjectBuilder()
                .add("time", at.getEpochSecond())
                .add("tool0", sampleOf(state.tool0()))
                .add("bed", sampleOf(state.bed()))
                .build();
    }

    private static JsonObjectBuilder temperature(Temperature temperature) {
        return Json.createObjectBuilder()
                .add("actual", temperature.actual())
                .add("target", temperature.target())
                .add("offset", temperature.offset());
    }

    private static JsonObjectBuilder sampleOf(Temperature temperature) {
        return Json.createObjectBuilder().add("actual", temperature.actual()).add("target", temperature.target());
    }

    private static java.util.Optional<Integer> positive(String text) {
        try {
            int value = Integer.parseInt(text.strip());
            return value > 0 ? java.util.Optional.of(value) : java.util.Optional.empty();
        } catch (NumberFormatException e) {
            return java.util.Optional.empty();
        }
    }
}
