package dev.printfarm.appconnection.impl.moonraker;

import jakarta.json.bind.annotation.JsonbProperty;
import java.util.List;

/** {@code GET /server/webcams/list}. */
public record MoonrakerWebcamsAnswer(List<Camera> webcams) {

    /** One camera as configured; its rotation taken into 0–359 degrees. */
    public record Camera(
            String name,
            String service,
            Boolean enabled,
            @JsonbProperty("stream_url") String streamUrl,
            @JsonbProperty("snapshot_url") String snapshotUrl,
            @JsonbProperty("flip_horizontal") Boolean flipHorizontal,
            @JsonbProperty("flip_vertical") Boolean flipVertical,
            Integer rotation,
            @JsonbProperty("aspect_ratio") String aspectRatio,
            String uid) {
        public Camera {
            rotation = rotation == null ? null : Math.floorMod(rotation, 360);
        }
    }
}
