package dev.printfarm.appconnection.sandbox.octoprint.system;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

/**
 * How the emulated OctoPrint describes its one webcam: the stock mjpg-streamer setup. {@code GET /api/webcams}
 * exists from OctoPrint 1.9 on; here only the emulated 2.0 answers it, the 1.x printers answer 404 as 1.8 did.
 */
public final class Webcams {

    /** Relative to the OctoPrint host: behind the relay it is the relay URL plus this path. */
    public static final String STREAM_URL = "/webcam/?action=stream";
    /** OctoPrint's default: mjpg-streamer's own port on the Pi, useless anywhere else until a client maps it. */
    public static final String SNAPSHOT_URL = "http://127.0.0.1:8080/?action=snapshot";

    public static final String STREAM_RATIO = "16:9";

    private Webcams() {}

    public static JsonObject list() {
        return Json.createObjectBuilder()
                .add(
                        "webcams",
                        Json.createArrayBuilder()
                                .add(Json.createObjectBuilder()
                                        .add("name", "classic")
                                        .add("displayName", "Classic Webcam")
                                        .add("canSnapshot", true)
                                        .add("snapshotDisplay", SNAPSHOT_URL)
                                        .add("flipH", false)
                                        .add("flipV", false)
                                        .add("rotate90", false)
                                        .add("extras", JsonValue.EMPTY_JSON_OBJECT)
                                        .add(
                                                "compat",
                                                Json.createObjectBuilder()
                                                        .add("stream", STREAM_URL)
                                                        .add("snapshot", SNAPSHOT_URL)
                                                        .add("streamRatio", STREAM_RATIO))
                                        .add("provider", "classicwebcam")))
                .build();
    }
}
