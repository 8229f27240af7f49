package dev.printfarm.appconnection.sandbox.webcam;

import dev.printfarm.appconnection.sandbox.config.SandboxSettings;
import dev.printfarm.appconnection.sandbox.printer.EmulatedPrinter;
import dev.printfarm.appconnection.sandbox.printer.WebcamBackToBack;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Every printer's emulated webcam: the relay's back-to-back rule, the counts per face, and the streams that are
 * sending, so that a reset can end them. Thread-safe.
 */
@ApplicationScoped
public class WebcamBoard {

    /** One printer's camera; a reset replaces it, so streams still finishing count into the old one. */
    private static final class Camera {
        final WebcamCounters relay = new WebcamCounters();
        final WebcamCounters lan = new WebcamCounters();
        final BackToBackWindow window = new BackToBackWindow();
        final AtomicLong snapshots = new AtomicLong();

        WebcamCounters on(WebcamFace face) {
            return face == WebcamFace.RELAY ? relay : lan;
        }
    }

    private final Clock clock;
    private final int fps;
    private final Map<String, Camera> cameras = new ConcurrentHashMap<>();
    private final Set<ActiveStream> streaming = ConcurrentHashMap.newKeySet();

    protected WebcamBoard() {
        this(Clock.systemUTC(), SandboxSettings.DEFAULT_WEBCAM_FPS);
    }

    @Inject
    public WebcamBoard(SandboxSettings settings, Clock clock) {
        this(clock, settings.webcamFps());
    }

    public WebcamBoard(Clock clock, int fps) {
        this.clock = clock;
        this.fps = fps;
    }

    public int fps() {
        return fps;
    }

    /**
     * The relay's back-to-back rule: false, and the refusal counted, when this webcam request would be one more than
     * the printer's {@code webcamBackToBack} allows in its window. No rule, no limit.
     */
    public boolean admitOnRelay(EmulatedPrinter printer) {
        Optional<WebcamBackToBack> rule = printer.controls().webcamBackToBack();
        if (rule.isEmpty()) {
            return true;
        }
        Camera camera = camera(printer.id());
        if (camera.window.tryAcquire(rule.get(), clock.instant())) {
            return true;
        }
        camera.relay.refused();
        return false;
    }

    /** Renders and counts one snapshot; snapshot numbers run per printer, over both faces. */
    public byte[] snapshot(WebcamView view) {
        Camera camera = camera(view.printer().id());
        camera.on(view.face()).snapshot();
        return WebcamFrames.jpeg(view.printer().name(), camera.snapshots.incrementAndGet(), clock.instant());
    }

    /**
     * Counts a stream as opened and sending until its {@link ActiveStream#finish(StreamOutcome)}; its first frame is
     * due after {@code delayMs}, and a relayed stream's limit runs from then.
     */
    public ActiveStream openStream(WebcamView view, long delayMs) {
        Instant now = clock.instant();
        WebcamCounters counters = camera(view.printer().id()).on(view.face());
        counters.streamOpened(now);
        StreamPlan plan = StreamPlan.atFps(now.plus(Duration.ofMillis(delayMs)), fps, view.streamLimit());
        ActiveStream stream = new ActiveStream(view, plan, clock, counters, streaming::remove);
        streaming.add(stream);
        return stream;
    }

    public WebcamCounts counts(String printerId, WebcamFace face) {
        Camera camera = cameras.get(printerId);
        return camera == null ? WebcamCounts.NONE : camera.on(face).counts();
    }

    /** A new back-to-back rule starts with an empty window. */
    public void restartWindow(String printerId) {
        Camera camera = cameras.get(printerId);
        if (camera != null) {
            camera.window.clear();
        }
    }

    /** Ends every stream (each at its next wait, within one frame) and forgets all counts and windows. */
    public void reset() {
        stopStreams();
        cameras.clear();
    }

    public int streaming() {
        return streaming.size();
    }

    @PreDestroy
    void stopStreams() {
        streaming.forEach(ActiveStream::stop);
    }

    private Camera camera(String printerId) {
        return cameras.computeIfAbsent(printerId, id -> new Camera());
    }
}
