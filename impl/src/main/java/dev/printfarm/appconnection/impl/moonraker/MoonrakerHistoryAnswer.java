package dev.printfarm.appconnection.impl.moonraker;

import jakarta.json.bind.annotation.JsonbProperty;
import java.time.Instant;
import java.util.List;

/** {@code GET /server/history/list}: the jobs, newest first. */
public record MoonrakerHistoryAnswer(List<Job> jobs) {

    /** One print of the history. */
    public record Job(
            @JsonbProperty("job_id") String jobId,
            String filename,
            String status,
            @JsonbProperty("start_time") Instant startTime,
            @JsonbProperty("end_time") Instant endTime,
            @JsonbProperty("print_duration") Double printDuration,
            @JsonbProperty("total_duration") Double totalDuration,
            @JsonbProperty("filament_used") Double filamentUsed,
            Boolean exists,
            String user) {}
}
