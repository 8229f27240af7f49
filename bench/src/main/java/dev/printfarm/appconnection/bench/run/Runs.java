package dev.printfarm.appconnection.bench.run;

import dev.printfarm.appconnection.bench.connect.PortalConnector;
import dev.printfarm.appconnection.bench.scenario.FaultStorm;
import dev.printfarm.appconnection.bench.scenario.Fleet10k;
import dev.printfarm.appconnection.bench.scenario.FleetIsolation;
import dev.printfarm.appconnection.bench.scenario.FleetRefresh;
import dev.printfarm.appconnection.bench.scenario.RelayOverhead;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Starts steps one at a time on a managed thread (so the module sees the application's context) and keeps their
 * runs for the driver to follow. A second step while one runs is refused: two at once would measure each other.
 */
@ApplicationScoped
public class Runs {

    private static final Logger LOG = Logger.getLogger(Runs.class.getName());

    @Resource(lookup = "java:comp/DefaultManagedThreadFactory")
    ManagedThreadFactory threads;

    @Inject
    PortalConnector connector;

    @Inject
    RelayOverhead relayOverhead;

    @Inject
    FleetRefresh fleetRefresh;

    @Inject
    FleetIsolation fleetIsolation;

    @Inject
    Fleet10k fleet10k;

    @Inject
    FaultStorm faultStorm;

    private final Map<String, Run> runs = new ConcurrentHashMap<>();
    private final AtomicInteger sequence = new AtomicInteger();
    private volatile Run current;

    Optional<Step> step(String name) {
        return Optional.ofNullable(
                switch (name) {
                    case "connect" -> connector::connect;
                    case "relay-overhead" -> relayOverhead::run;
                    case "fleet-refresh" -> fleetRefresh::run;
                    case "fleet-isolation" -> fleetIsolation::run;
                    case "fleet-10k" -> fleet10k::run;
                    case "fault-storm" -> faultStorm::run;
                    default -> null;
                });
    }

    /** The new run, or empty when another is still running. */
    synchronized Optional<Run> start(String name, Step step, Params params) {
        Run running = current;
        if (running != null && running.state() == Run.State.RUNNING) {
            return Optional.empty();
        }
        Run run = new Run(name + "-" + sequence.incrementAndGet(), name);
        runs.put(run.id(), run);
        current = run;
        Thread thread = threads.newThread(() -> {
            try {
                run.finish(Run.State.DONE, step.run(params, run));
            } catch (Exception | Error e) {
                LOG.log(Level.WARNING, "Bench step " + name + " failed", e);
                run.finish(Run.State.FAILED, e.getClass().getSimpleName() + ": " + e.getMessage());
            }
        });
        thread.setName("bench-" + run.id());
        thread.start();
        return Optional.of(run);
    }

    Optional<Run> find(String id) {
        return Optional.ofNullable(runs.get(id));
    }
}
