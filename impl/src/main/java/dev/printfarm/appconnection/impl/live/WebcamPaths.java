package dev.printfarm.appconnection.impl.live;

import static dev.printfarm.appconnection.impl.json.Optionals.isTrue;

import dev.printfarm.appconnection.api.octoprint.OctoPrintWebcamSettings;
import dev.printfarm.appconnection.api.stream.Webcam;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where a printer's cameras are, as paths on the printer's host. OctoPrint reports webcam URLs as the browser on the
 * printer's network sees them: relative ({@code /webcam/?action=stream}, served by the printer's own proxy) or absolute
 * and local to the printer ({@code http://127.0.0.1:8080/?action=snapshot}, the streamer's own port). Through the relay
 * only the printer's host is reachable, so an absolute URL at the streamer's root becomes the same request under the
 * printer's {@code /webcam/} path; one elsewhere cannot be reached and is left out.
 */
public final class WebcamPaths {

    static final String CLASSIC_PREFIX = "/webcam/";

    private WebcamPaths() {}

    /** A reported URL as a path on the printer's host; empty when it cannot be reached through the printer. */
    public static Optional<String> onPrinter(String reported) {
        if (reported == null || reported.isBlank()) {
            return Optional.empty();
        }
        String text = reported.strip();
        URI uri;
        try {
            uri = URI.create(text);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (!uri.isAbsolute()) {
            if (uri.getRawAuthority() != null) {
                return Optional.empty();
            }
            return Optional.of(text.startsWith("/") ? text : "/" + text);
        }
        if (!"http".equalsIgnoreCase(uri.getScheme()) && !"https".equalsIgnoreCase(uri.getScheme())) {
            return Optional.empty();
        }
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        if (!path.equals("/")) {
            return path.startsWith(CLASSIC_PREFIX) ? Optional.of(path + query(uri)) : Optional.empty();
        }
        return Optional.of(CLASSIC_PREFIX + query(uri));
    }

    private static String query(URI uri) {
        return uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
    }

    /** A snapshot path from a stream path of the mjpg-streamer kind, when there is no snapshot URL. */
    static Optional<String> snapshotFromStream(Optional<String> streamPath) {
        return streamPath
                .filter(p -> p.contains("action=stream"))
                .map(p -> p.replace("action=stream", "action=snapshot"));
    }

    /** The classic webcam from OctoPrint's settings; empty when it is disabled or reachable at neither URL. */
    public static Optional<Webcam> classic(OctoPrintWebcamSettings settings) {
        if (!settings.enabled()) {
            return Optional.empty();
        }
        Optional<String> stream = settings.streamUrl().flatMap(WebcamPaths::onPrinter);
        Optional<String> snapshot =
                settings.snapshotUrl().flatMap(WebcamPaths::onPrinter).or(() -> snapshotFromStream(stream));
        if (stream.isEmpty() && snapshot.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Webcam(
                "classic",
                "Classic Webcam",
                snapshot,
                stream,
                settings.flipH(),
                settings.flipV(),
                settings.rotate90()));
    }

    /** OctoPrint 1.9+'s cameras ({@code GET /api/webcams}) that can be reached through the printer. */
    public static List<Webcam> fromApi(OctoPrintWebcamsAnswer answer) {
        List<Webcam> cams = new ArrayList<>();
        for (OctoPrintWebcamsAnswer.Camera cam : answer.webcams()) {
            Optional<OctoPrintWebcamsAnswer.Compat> compat = Optional.ofNullable(cam.compat());
            Optional<String> stream = compat.map(OctoPrintWebcamsAnswer.Compat::stream)
                    .or(() -> Optional.ofNullable(cam.compatStream()))
                    .flatMap(WebcamPaths::onPrinter);
            Optional<String> snapshot = Optional.ofNullable(cam.snapshot())
                    .or(() -> compat.map(OctoPrintWebcamsAnswer.Compat::snapshot))
                    .flatMap(WebcamPaths::onPrinter)
                    .or(() -> snapshotFromStream(stream));
            if (Boolean.FALSE.equals(cam.canSnapshot())) {
                snapshot = Optional.empty();
            }
            String name = Optional.ofNullable(cam.name()).orElse("webcam-" + cams.size());
            cams.add(new Webcam(
                    name,
                    Optional.ofNullable(cam.displayName()).orElse(name),
                    snapshot,
                    stream,
                    isTrue(cam.flipH()),
                    isTrue(cam.flipV()),
                    isTrue(cam.rotate90())));
        }
        return cams;
    }
}
