package dev.printfarm.appconnection.api.stream;

import java.util.Objects;
import java.util.Optional;

/**
 * A camera of the printer, with the paths its snapshot and MJPEG stream have on the printer's host (requested through
 * the connection's route, like any other call).
 *
 * @param name         the camera's identifier ({@code classic} for OctoPrint's own webcam)
 * @param snapshotPath e.g. {@code /webcam/?action=snapshot}; empty when the camera has no snapshot
 * @param streamPath   e.g. {@code /webcam/?action=stream}; empty when the camera has no MJPEG stream
 */
public record Webcam(
        String name,
        String displayName,
        Optional<String> snapshotPath,
        Optional<String> streamPath,
        boolean flipH,
        boolean flipV,
        boolean rotate90) {
    public Webcam {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(snapshotPath, "snapshotPath");
        Objects.requireNonNull(streamPath, "streamPath");
    }
}
