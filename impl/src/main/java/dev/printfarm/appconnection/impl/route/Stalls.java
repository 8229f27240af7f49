package dev.printfarm.appconnection.impl.route;

import dev.printfarm.appconnection.impl.internal.Background;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.InputStream;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

/** The module's {@link StallWatch}, swept once a second from the first guarded body on. */
@ApplicationScoped
public class Stalls {

    private static final Duration TICK = Duration.ofSeconds(1);

    @Inject
    Background background;

    private final StallWatch watch = new StallWatch(System::nanoTime);
    private final AtomicBoolean started = new AtomicBoolean();

    /** {@code body}, closed with an {@link java.io.IOException} to its reader when a read waits more than {@code idle}. */
    public InputStream guard(InputStream body, Duration idle, String what) {
        if (started.compareAndSet(false, true)) {
            background.every("stall-watch", TICK, TICK, watch::sweep);
        }
        return watch.guard(body, idle, what);
    }
}
