package dev.printfarm.appconnection.sandbox.moonraker;

import dev.printfarm.appconnection.sandbox.printer.CommandFeatures;
import dev.printfarm.appconnection.sandbox.printer.JobEnding;
import dev.printfarm.appconnection.sandbox.printer.JobFile;
import dev.printfarm.appconnection.sandbox.printer.OctoPrintState;
import dev.printfarm.appconnection.sandbox.printer.PrintHistory;
import dev.printfarm.appconnection.sandbox.printer.PrintRun;
import dev.printfarm.appconnection.sandbox.printer.Temperature;
import dev.printfarm.appconnection.sandbox.printer.Toolhead;
import dev.printfarm.appconnection.sandbox.webhook.WebhookPayload;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Klipper's printer objects (Status Reference names and fields) for the shared printer state: what
 * {@code printer.objects.query} and {@code printer.objects.subscribe} answer, and what a subscription compares from
 * one look to the next. Pure.
 */
final class MoonrakerObjects {

    static final String LIGHT = "output_pin chamber_light";
    static final String CHAMBER = "heater_generic chamber";
    static final String GCODES_DIR = "/home/pi/printer_data/gcodes/";
    /** Klipper refuses to extrude below this hotend temperature ({@code min_extrude_temp}). */
    static final double MIN_EXTRUDE_TEMP = 170;

    private MoonrakerObjects() {}

    /** Every object the printer has, in {@code printer.objects.list} order, with all its attributes. */
    static Map<String, JsonObject> all(Machine machine) {
        OctoPrintState state = machine.state();
        Optional<PrintRun> run = state.job();
        Map<String, JsonObject> objects = new LinkedHashMap<>();
        objects.put(
                "webhooks",
                Json.createObjectBuilder()
                        .add("state", machine.klippyState())
                        .add("state_message", machine.stateMessage())
                        .build());
        objects.put("print_stats", printStats(machine));
        objects.put("virtual_sdcard", virtualSdcard(machine));
        double progress = progress(machine);
        objects.put(
                "display_status",
                Json.createObjectBuilder()
                        .add("progress", progress)
                        .addNull("message")
                        .build());
        objects.put(
                "pause_resume",
                Json.createObjectBuilder().add("is_paused", state.paused()).build());
        objects.put(
                "idle_timeout",
                Json.createObjectBuilder()
                        .add("state", state.printing() ? "Printing" : "Ready")
                        .add("printing_time", run.map(r -> seconds(r.elapsed())).orElse(0.0))
                        .build());
        objects.put(
                "extruder",
                heater(state.tool0())
                        .add("can_extrude", state.tool0().actual() >= MIN_EXTRUDE_TEMP)
                        .add("pressure_advance", 0.04)
                        .add("smooth_time", 0.04)
                        .build());
        objects.put("heater_bed", heater(state.bed()).build());
        objects.put(CHAMBER, heater(state.chamber()).build());
        objects.put(
                "heaters",
                Json.createObjectBuilder()
                        .add("available_heaters", strings(List.of("extruder", "heater_bed", CHAMBER)))
                        .add("available_sensors", strings(List.of("extruder", "heater_bed", CHAMBER)))
                        .build());
        Toolhead head = position(machine);
        objects.put(
                "toolhead",
                Json.createObjectBuilder()
                        .add("position", vector(head))
                        .add("homed_axes", head.homedAxes())
                        .add("extruder", "extruder")
                        .add(
                                "axis_minimum",
                                Json.createArrayBuilder()
                                        .add(0.0)
                                        .add(0.0)
                                        .add(0.0)
                                        .add(0.0))
                        .add(
                                "axis_maximum",
                                Json.createArrayBuilder()
                                        .add(Toolhead.MAX_X)
                                        .add(Toolhead.MAX_Y)
                                        .add(Toolhead.MAX_Z)
                                        .add(0.0))
                        .add("max_velocity", 300.0)
                        .add("max_accel", 3000.0)
                        .add("square_corner_velocity", 5.0)
                        .build());
        objects.put(
                "gcode_move",
                Json.createObjectBuilder()
                        .add("speed_factor", 1.0)
                        .add("extrude_factor", 1.0)
                        .add("speed", 1500.0)
                        .add("absolute_coordinates", true)
                        .add("absolute_extrude", !state.printing())
                        .add(
                                "homing_origin",
                                Json.createArrayBuilder()
                                        .add(0.0)
                                        .add(0.0)
                                        .add(0.0)
                                        .add(0.0))
                        .add("position", vector(head))
                        .add("gcode_position", vector(head))
                        .build());
        if (CommandFeatures.has(machine.features(), CommandFeatures.LIGHT)) {
            objects.put(
                    LIGHT,
                    Json.createObjectBuilder()
                            .add("value", machine.lightOn() ? 1.0 : 0.0)
                            .build());
        }
        return objects;
    }

    /**
     * The status a query answers: the objects asked for that exist, each with the attributes asked for that it has
     * (all of them when none were named). Unknown objects and attributes are left out, as Klipper does.
     */
    static JsonObject select(Map<String, JsonObject> all, ObjectQuery query) {
        JsonObjectBuilder status = Json.createObjectBuilder();
        query.objects().forEach((name, attributes) -> {
            JsonObject object = all.get(name);
            if (object != null) {
                status.add(name, attributes.map(wanted -> only(object, wanted)).orElse(object));
            }
        });
        return status.build();
    }

    /** Virtual SD progress, 0..1: of the print now, or of the last one while idle after it. */
    static double progress(Machine machine) {
        Optional<PrintRun> run = machine.state().job();
        if (run.isPresent()) {
            return round(run.get().completion() / 100, 4);
        }
        return machine.lastJob()
                .map(job -> job.status() == PrintHistory.Status.COMPLETED
                        ? 1.0
                        : round(Math.min(1.0, seconds(job.printDuration()) / seconds(machine.jobLength())), 4))
                .orElse(0.0);
    }

    private static JsonObject printStats(Machine machine) {
        OctoPrintState state = machine.state();
        Optional<PrintRun> run = state.job();
        JsonObjectBuilder stats = Json.createObjectBuilder();
        JsonObjectBuilder info = Json.createObjectBuilder();
        if (run.isPresent()) {
            PrintRun current = run.get();
            stats.add("filename", current.file().path())
                    .add("total_duration", seconds(Duration.between(current.startedAt(), machine.now())))
                    .add("print_duration", seconds(current.elapsed()))
                    .add("filament_used", round(filament(current.file()) * current.completion() / 100, 2));
            info.add("total_layer", WebhookPayload.TOTAL_LAYERS)
                    .add("current_layer", WebhookPayload.currentLayer(current));
        } else if (machine.lastJob().isPresent()) {
            PrintHistory.Job last = machine.lastJob().get();
            stats.add("filename", last.file().path())
                    .add(
                            "total_duration",
                            seconds(Duration.between(
                                    last.startedAt(), last.endedAt().orElse(machine.now()))))
                    .add("print_duration", seconds(last.printDuration()))
                    .add("filament_used", round(filament(last.file()) * progress(machine), 2));
            info.add("total_layer", WebhookPayload.TOTAL_LAYERS).add("current_layer", (int)
                    Math.max(1, Math.ceil(progress(machine) * WebhookPayload.TOTAL_LAYERS)));
        } else {
            stats.add("filename", "")
                    .add("total_duration", 0.0)
                    .add("print_duration", 0.0)
                    .add("filament_used", 0.0);
            info.addNull("total_layer").addNull("current_layer");
        }
        return stats.add("state", printState(state))
                .add(
                        "message",
                        state.ending() == JobEnding.ERROR && run.isEmpty() ? "Shutdown due to webhooks request" : "")
                .add("info", info)
                .build();
    }

    /** {@code print_stats.state}: standby, printing, paused, complete, cancelled or error. */
    static String printState(OctoPrintState state) {
        if (state.job().isPresent()) {
            return state.paused() ? "paused" : "printing";
        }
        return switch (state.ending()) {
            case COMPLETE -> "complete";
            case CANCELLED -> "cancelled";
            case ERROR -> "error";
            case NONE -> "standby";
        };
    }

    private static JsonObject virtualSdcard(Machine machine) {
        Optional<PrintRun> run = machine.state().job();
        Optional<JobFile> file =
                run.map(PrintRun::file).or(() -> machine.lastJob().map(PrintHistory.Job::file));
        return Json.createObjectBuilder()
                .add(
                        "file_path",
                        file.<JsonValue>map(f -> Json.createValue(GCODES_DIR + f.path()))
                                .orElse(JsonValue.NULL))
                .add("progress", progress(machine))
                .add("is_active", machine.state().printing())
                .add(
                        "file_position",
                        run.map(PrintRun::filePosition)
                                .orElseGet(() -> file.map(f -> (long) (f.size() * progress(machine)))
                                        .orElse(0L)))
                .add("file_size", file.map(JobFile::size).orElse(0L))
                .build();
    }

    /** While printing the head follows the print (Z one layer at a time); otherwise it is where it was put. */
    private static Toolhead position(Machine machine) {
        Optional<PrintRun> run = machine.state().job();
        if (run.isEmpty()) {
            return machine.toolhead();
        }
        double t = seconds(run.get().elapsed()) / 3;
        double z = WebhookPayload.currentLayer(run.get()) * 0.2;
        return new Toolhead(
                round(125 + 50 * Math.sin(t), 3),
                round(105 + 50 * Math.cos(t), 3),
                round(z, 3),
                machine.toolhead().e(),
                "xyz");
    }

    private static JsonObjectBuilder heater(Temperature temperature) {
        double power = temperature.target() <= 0
                ? 0.0
                : round(Math.max(0, Math.min(1, 0.35 + (temperature.target() - temperature.actual()) * 0.1)), 3);
        return Json.createObjectBuilder()
                .add("temperature", temperature.actual())
                .add("target", temperature.target())
                .add("power", power);
    }

    private static JsonArrayBuilder vector(Toolhead head) {
        return Json.createArrayBuilder()
                .add(head.x())
                .add(head.y())
                .add(head.z())
                .add(head.e());
    }

    private static JsonObject only(JsonObject object, Set<String> wanted) {
        JsonObjectBuilder selected = Json.createObjectBuilder();
        wanted.stream().filter(object::containsKey).forEach(name -> selected.add(name, object.get(name)));
        return selected.build();
    }

    private static JsonArrayBuilder strings(List<String> values) {
        JsonArrayBuilder array = Json.createArrayBuilder();
        values.forEach(array::add);
        return array;
    }

    /** Filament a file needs, as the OctoPrint face's {@code /api/job} tells it. */
    static double filament(JobFile file) {
        return 1800 + file.size() / 1000.0;
    }

    static double seconds(Duration duration) {
        return duration.toMillis() / 1000.0;
    }

    static double round(double value, int decimals) {
        double scale = Math.pow(10, decimals);
        return Math.round(value * scale) / scale;
    }
}
