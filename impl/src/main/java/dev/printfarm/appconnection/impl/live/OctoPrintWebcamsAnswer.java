package dev.printfarm.appconnection.impl.live;

import java.util.List;

/** OctoPrint 1.9+'s {@code GET /api/webcams} (also sent as a bare array of cameras). */
public record OctoPrintWebcamsAnswer(List<Camera> webcams) {

    /** One camera: its URLs at the top ({@code snapshot}, {@code compatStream}) or under {@code compat}. */
    public record Camera(
            String name,
            String displayName,
            Boolean canSnapshot,
            String snapshot,
            String compatStream,
            Compat compat,
            Boolean flipH,
            Boolean flipV,
            Boolean rotate90) {}

    /** The classic URLs of a camera. */
    public record Compat(String stream, String snapshot) {}

    /** The answer's text as this record, whichever of its two shapes it has. */
    static String asObject(String body) {
        String text = body == null ? "" : body.strip();
        return text.startsWith("[") ? "{\"webcams\": " + text + "}" : text;
    }
}
