package dev.printfarm.appconnection.api.moonraker;

import java.util.Objects;
import java.util.Optional;

/**
 * A camera as configured in Moonraker ({@code /server/webcams/list}). The URLs are as Moonraker reports them, seen
 * from the printer's network; the paths are the same requests on the printer's host, reachable through the
 * connection (relative URLs as they are, an absolute URL at a streamer's root under {@code /webcam/}), empty when
 * the URL points elsewhere.
 *
 * @param service  e.g. {@code mjpegstreamer}, {@code webrtc-camerastreamer}
 * @param rotation 0, 90, 180 or 270 degrees
 */
public record MoonrakerWebcam(
        String name,
        Optional<String> service,
        boolean enabled,
        Optional<String> streamUrl,
        Optional<String> snapshotUrl,
        Optional<String> streamPath,
        Optional<String> snapshotPath,
        boolean flipH,
        boolean flipV,
        int rotation,
        Optional<String> aspectRatio,
        Optional<String> uid) {
    public MoonrakerWebcam {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(streamUrl, "streamUrl");
        Objects.requireNonNull(snapshotUrl, "snapshotUrl");
        Objects.requireNonNull(streamPath, "streamPath");
        Objects.requireNonNull(snapshotPath, "snapshotPath");
        Objects.requireNonNull(aspectRatio, "aspectRatio");
        Objects.requireNonNull(uid, "uid");
    }
}
