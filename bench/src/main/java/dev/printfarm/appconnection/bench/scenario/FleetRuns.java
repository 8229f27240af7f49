package dev.printfarm.appconnection.bench.scenario;

import dev.printfarm.appconnection.api.AppConnectionService;
import dev.printfarm.appconnection.api.ConnectionState;
import dev.printfarm.appconnection.api.fleet.PrinterView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

/** One timed {@link AppConnectionService#refreshFleet()}, and what the fleet's views say about it afterwards. */
@ApplicationScoped
public class FleetRuns {

    /** refreshFleet() is bounded by the read timeout per request; this only stops a run that hangs. */
    private static final long TIMEOUT_SECONDS = 120;

    @Inject
    AppConnectionService service;

    /**
     * A measured refresh: when it started (wall clock, comparable with the snapshots' {@code updatedAt}), how long
     * {@code refreshFleet()} took to complete, and the snapshots right after, by connection id.
     */
    public record Refresh(Instant started, Duration wall, Map<String, PrinterView> snapshots) {

        /** From the start until the last of {@code ids} had its snapshot updated by this refresh. */
        public Duration lastUpdate(Collection<String> ids) {
            Instant last = started;
            for (String id : ids) {
                PrinterView s = snapshots.get(id);
                if (s != null && s.updatedAt().isAfter(last)) {
                    last = s.updatedAt();
                }
            }
            return Duration.between(started, last);
        }

        /**
         * When {@code ids}' snapshots were updated by this refresh, in milliseconds from its start: the first, the
         * 10th, 50th and 90th percentiles and the last, e.g. {@code 52/140/470/830/905}; tells a refresh that started
         * late from one that slowed down on the way.
         */
        public String updateSpread(Collection<String> ids) {
            long[] at = ids.stream()
                    .map(snapshots::get)
                    .filter(s -> s != null && s.updatedAt().isAfter(started))
                    .mapToLong(s -> Duration.between(started, s.updatedAt()).toMillis())
                    .sorted()
                    .toArray();
            if (at.length == 0) {
                return "none";
            }
            return at[0] + "/" + at[at.length / 10] + "/" + at[at.length / 2] + "/" + at[at.length * 9 / 10] + "/"
                    + at[at.length - 1];
        }

        /** How many of {@code ids} this refresh did not bring to an ONLINE snapshot updated after its start. */
        public long notRefreshed(Collection<String> ids) {
            return ids.stream()
                    .map(snapshots::get)
                    .filter(s -> s == null
                            || s.state() != ConnectionState.ONLINE
                            || !s.updatedAt().isAfter(started))
                    .count();
        }
    }

    public Refresh refresh() throws Exception {
        Instant started = Instant.now();
        long t0 = System.nanoTime();
        service.refreshFleet().toCompletableFuture().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        Duration wall = Duration.ofNanos(System.nanoTime() - t0);
        Map<String, PrinterView> snapshots =
                service.fleet().stream().collect(Collectors.toMap(PrinterView::connectionId, Function.identity()));
        return new Refresh(started, wall, snapshots);
    }
}
