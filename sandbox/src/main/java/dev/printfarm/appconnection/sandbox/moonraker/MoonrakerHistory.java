package dev.printfarm.appconnection.sandbox.moonraker;

import dev.printfarm.appconnection.sandbox.printer.PrintHistory;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** {@code server.history.list}: the printer's prints since the start or the last reset, newest first by default. */
final class MoonrakerHistory {

    static final int DEFAULT_LIMIT = 50;

    private MoonrakerHistory() {}

    static JsonObject list(MoonrakerArgs args, Host host) {
        long limit = args.integer("limit", DEFAULT_LIMIT);
        long start = args.integer("start", 0);
        String order = args.string("order").orElse("desc");
        if (!"asc".equals(order) && !"desc".equals(order)) {
            throw new MoonrakerError(400, "Invalid `order` value: " + order);
        }
        double since = args.decimal("since").orElse(Double.NEGATIVE_INFINITY);
        double before = args.decimal("before").orElse(Double.POSITIVE_INFINITY);
        List<PrintHistory.Job> jobs = new ArrayList<>(host.printer().history(host.now()).stream()
                .filter(job -> {
                    double started = MoonrakerFiles.unixTime(job.startedAt());
                    return started > since && started < before;
                })
                .toList());
        if ("desc".equals(order)) {
            Collections.reverse(jobs);
        }
        JsonArrayBuilder listed = Json.createArrayBuilder();
        int count = 0;
        for (PrintHistory.Job job : jobs.subList((int) Math.min(Math.max(0, start), jobs.size()), jobs.size())) {
            if (limit > 0 && count >= limit) {
                break;
            }
            listed.add(job(job, host));
            count++;
        }
        return Json.createObjectBuilder()
                .add("count", count)
                .add("jobs", listed)
                .build();
    }

    private static JsonObject job(PrintHistory.Job job, Host host) {
        Duration total = Duration.between(job.startedAt(), job.endedAt().orElse(host.now()));
        double done = Math.min(
                1.0,
                MoonrakerObjects.seconds(job.printDuration())
                        / MoonrakerObjects.seconds(host.printer().jobDuration()));
        return Json.createObjectBuilder()
                .add("job_id", job.jobId())
                .addNull("user")
                .add("filename", job.file().path())
                .add(
                        "exists",
                        host.printer()
                                .files()
                                .find(MoonrakerFiles.GCODES_LOCATION, job.file().path())
                                .isPresent())
                .add("status", job.status().code())
                .add("start_time", MoonrakerFiles.unixTime(job.startedAt()))
                .add(
                        "end_time",
                        job.endedAt()
                                .<JsonValue>map(end -> Json.createValue(MoonrakerFiles.unixTime(end)))
                                .orElse(JsonValue.NULL))
                .add("print_duration", MoonrakerObjects.seconds(job.printDuration()))
                .add("total_duration", MoonrakerObjects.seconds(total))
                .add(
                        "filament_used",
                        MoonrakerObjects.round(
                                MoonrakerObjects.filament(job.file())
                                        * (job.status() == PrintHistory.Status.COMPLETED ? 1.0 : done),
                                2))
                .add("metadata", MoonrakerFiles.metadataOf(job.file(), host, false))
                .add("auxiliary_data", Json.createArrayBuilder())
                .build();
    }
}
