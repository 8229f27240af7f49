package dev.printfarm.appconnection.sandbox.webcam;

import java.time.Instant;
import java.util.List;

/**
 * What one face of one printer's webcam served since the last reset.
 *
 * @param snapshots            snapshots answered with a picture
 * @param streamsOpened        streams accepted
 * @param activeStreams        streams still sending
 * @param maxConcurrentStreams the most streams that were sending at the same time
 * @param refused609           requests the back-to-back rule refused (relay only)
 * @param cutAtLimit           streams the relay ended at {@code maxWebcamSeconds} (relay only)
 * @param opens                when each accepted stream was opened, oldest first (the last
 *                             {@link WebcamCounters#MAX_OPENS})
 */
public record WebcamCounts(
        long snapshots,
        long streamsOpened,
        int activeStreams,
        int maxConcurrentStreams,
        long refused609,
        long cutAtLimit,
        List<Instant> opens) {

    public static final WebcamCounts NONE = new WebcamCounts(0, 0, 0, 0, 0, 0, List.of());

    public WebcamCounts {
        opens = List.copyOf(opens);
    }
}
