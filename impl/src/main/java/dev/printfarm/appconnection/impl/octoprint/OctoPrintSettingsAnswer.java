package dev.printfarm.appconnection.impl.octoprint;

import java.util.Map;

/** {@code GET /api/settings}: the parts this module reads. */
public record OctoPrintSettingsAnswer(Appearance appearance, Webcam webcam, Map<String, Plugin> plugins) {

    /** The printer's name and colour as set in OctoPrint. */
    public record Appearance(String name, String color) {}

    /** The deprecated per-camera keys (filled from the default webcam since 1.9). */
    public record Webcam(
            String streamUrl,
            String snapshotUrl,
            Boolean flipH,
            Boolean flipV,
            Boolean rotate90,
            Boolean webcamEnabled,
            Boolean enabled) {}

    /** A plugin's settings; of the {@code classicwebcam} plugin, the camera. */
    public record Plugin(String stream, String snapshot, Boolean flipH, Boolean flipV, Boolean rotate90) {}
}
