package dev.printfarm.appconnection.api.octoprint;

import java.util.Objects;
import java.util.Optional;

/** The classic webcam's settings as OctoPrint reports them (1.x {@code webcam}, later the {@code classicwebcam} plugin). */
public record OctoPrintWebcamSettings(
        boolean enabled,
        Optional<String> streamUrl,
        Optional<String> snapshotUrl,
        boolean flipH,
        boolean flipV,
        boolean rotate90) {

    public OctoPrintWebcamSettings {
        Objects.requireNonNull(streamUrl, "streamUrl");
        Objects.requireNonNull(snapshotUrl, "snapshotUrl");
    }
}
