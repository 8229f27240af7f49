package dev.printfarm.appconnection.impl.live;

import dev.printfarm.appconnection.api.AppConnection;
import dev.printfarm.appconnection.api.PrinterPlatform;
import dev.printfarm.appconnection.api.command.CommandWebcam;
import dev.printfarm.appconnection.api.error.ErrorDetails;
import dev.printfarm.appconnection.api.error.NoWebcamException;
import dev.printfarm.appconnection.api.error.PrinterResponseException;
import dev.printfarm.appconnection.api.error.WebcamLimitException;
import dev.printfarm.appconnection.api.event.ConnectionRemoved;
import dev.printfarm.appconnection.api.stream.FileDownload;
import dev.printfarm.appconnection.api.stream.Webcam;
import dev.printfarm.appconnection.api.stream.WebcamImage;
import dev.printfarm.appconnection.impl.commandapi.CommandApiClients;
import dev.printfarm.appconnection.impl.internal.BoundedBodies;
import dev.printfarm.appconnection.impl.json.UnreadableJsonException;
import dev.printfarm.appconnection.impl.json.WireJson;
import dev.printfarm.appconnection.impl.octoprint.OctoPrintClients;
import dev.printfarm.appconnection.impl.platform.Platforms;
import dev.printfarm.appconnection.impl.relay.CallKind;
import dev.printfarm.appconnection.impl.route.Target;
import dev.printfarm.appconnection.impl.store.StoredConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A printer's cameras through the connection's route: discovery, snapshots, and the opening of MJPEG streams (which
 * {@link WebcamStreams} shares among viewers). After a 609 every webcam request of the connection is refused locally
 * for a while ({@link WebcamHold}), so that many viewers cannot turn one refusal into a storm.
 */
@ApplicationScoped
public class Webcams {

    @Inject
    OctoPrintClients shared;

    @Inject
    CommandApiClients commandApi;

    @Inject
    Platforms platforms;

    /** The paths of cameras served by the command API (printers without OctoPrint): {@code …/snapshot?index=N}. */
    private static final String COMMAND_WEBCAM = "/octoeverywhere-command-api/webcam/";

    private static final Pattern COMMAND_PATH =
            Pattern.compile(Pattern.quote(COMMAND_WEBCAM) + "(snapshot|stream)\\?index=(\\d{1,9})");

    /** How long snapshots and streams reuse a connection's camera list instead of asking the printer again. */
    static final Duration CAMERAS_KEPT = Duration.ofMinutes(5);

    private final Clock clock = Clock.systemUTC();
    private final Map<String, WebcamHold> holds = new ConcurrentHashMap<>();
    private final Map<String, KnownCameras> cameras = new ConcurrentHashMap<>();

    private record KnownCameras(List<Webcam> webcams, Instant until) {}

    /** The camera list for a snapshot or a stream: from the last discovery when it is recent, else asked. */
    private List<Webcam> cameras(StoredConnection stored) {
        KnownCameras known = cameras.get(stored.connection().id());
        if (known != null && clock.instant().isBefore(known.until())) {
            return known.webcams();
        }
        return webcams(stored);
    }

    public List<Webcam> webcams(StoredConnection stored) {
        if (withoutOctoPrint(stored)) {
            List<Webcam> result = commandApi.open(stored).webcams().stream()
                    .filter(CommandWebcam::enabled)
                    .sorted(Comparator.comparing((CommandWebcam w) -> !w.isDefault())
                            .thenComparingInt(CommandWebcam::index))
                    .map(w -> new Webcam(
                            w.name(),
                            w.name(),
                            Optional.of(COMMAND_WEBCAM + "snapshot?index=" + w.index()),
                            Optional.of(COMMAND_WEBCAM + "stream?index=" + w.index()),
                            w.flipH(),
                            w.flipV(),
                            w.rotation() == 90 || w.rotation() == 270))
                    .toList();
            cameras.put(
                    stored.connection().id(),
                    new KnownCameras(result, clock.instant().plus(CAMERAS_KEPT)));
            return result;
        }
        List<Webcam> found = new ArrayList<>();
        try {
            String body = call(stored, CallKind.READ, target -> {
                HttpResponse<String> r =
                        send(target, "/api/webcams", shared.transport().text());
                if (r.statusCode() == 404) {
                    return null;
                }
                if (r.statusCode() >= 400) {
                    throw shared.transport().error(target, r);
                }
                return r.body();
            });
            if (body != null) {
                try {
                    found.addAll(WebcamPaths.fromApi(
                            WireJson.read(OctoPrintWebcamsAnswer.asObject(body), OctoPrintWebcamsAnswer.class)));
                } catch (UnreadableJsonException unreadable) {
                    // Tolerant: fall back to the settings.
                }
            }
        } catch (PrinterResponseException e) {
            // An OctoPrint without the endpoint, or one that refuses it: the settings still tell.
        }
        if (found.isEmpty()) {
            shared.open(stored)
                    .settings()
                    .webcam()
                    .flatMap(WebcamPaths::classic)
                    .ifPresent(found::add);
        }
        List<Webcam> result = List.copyOf(found);
        cameras.put(
                stored.connection().id(),
                new KnownCameras(result, clock.instant().plus(CAMERAS_KEPT)));
        return result;
    }

    public WebcamImage snapshot(StoredConnection stored) {
        String path = cameras(stored).stream()
                .flatMap(w -> w.snapshotPath().stream())
                .findFirst()
                .orElseThrow(() -> new NoWebcamException(
                        "The printer reports no camera with a snapshot",
                        stored.connection().id()));
        Matcher command = COMMAND_PATH.matcher(path);
        if (command.matches()) {
            int index = Integer.parseInt(command.group(2));
            return webcamRequest(
                    stored.connection(), () -> commandApi.open(stored).snapshot(index));
        }
        return webcamRequest(
                stored.connection(),
                () -> call(stored, CallKind.READ, target -> {
                    HttpResponse<InputStream> r = send(target, path, HttpResponse.BodyHandlers.ofInputStream());
                    try (InputStream body = r.body()) {
                        if (r.statusCode() >= 400) {
                            throw shared.transport().error(target, r);
                        }
                        byte[] data = BoundedBodies.readAtMost(
                                body, (int) shared.transport().limits().snapshotBytes(), r.statusCode());
                        return new WebcamImage(
                                0,
                                clock.instant(),
                                r.headers().firstValue("Content-Type").orElse("image/jpeg"),
                                data);
                    } catch (IOException e) {
                        throw shared.transport().failure(target, e);
                    }
                }));
    }

    /** An open MJPEG stream: the body the caller reads and closes, with its content type. */
    public FileDownload openStream(StoredConnection stored, String path) {
        Matcher command = COMMAND_PATH.matcher(path);
        if (command.matches()) {
            int index = Integer.parseInt(command.group(2));
            return webcamRequest(
                    stored.connection(), () -> commandApi.open(stored).webcamStream(index));
        }
        return webcamRequest(
                stored.connection(),
                () -> call(stored, CallKind.READ, target -> {
                    HttpResponse<InputStream> r = send(target, path, HttpResponse.BodyHandlers.ofInputStream());
                    if (r.statusCode() >= 400) {
                        throw shared.transport().error(target, r);
                    }
                    return new FileDownload(
                            r.body(),
                            r.headers().firstValueAsLong("Content-Length"),
                            r.headers().firstValue("Content-Type"));
                }));
    }

    /**
     * Whether the printer is known to run something other than OctoPrint: its cameras are then the command API's
     * (on the relay). A printer whose platform is not known yet is taken for an OctoPrint, as before it was learned.
     */
    private boolean withoutOctoPrint(StoredConnection stored) {
        return platforms
                .known(stored.connection().id())
                .map(p -> p == PrinterPlatform.MOONRAKER || p == PrinterPlatform.OTHER)
                .orElse(false);
    }

    /** The path of the first camera's stream. */
    public Optional<String> streamPath(StoredConnection stored) {
        return cameras(stored).stream().flatMap(w -> w.streamPath().stream()).findFirst();
    }

    private <R> R webcamRequest(AppConnection connection, java.util.function.Supplier<R> request) {
        WebcamHold hold = holds.computeIfAbsent(
                connection.id(),
                id -> new WebcamHold(
                        shared.webcamSettings().backoffInitial(),
                        shared.webcamSettings().backoffMax()));
        Instant now = clock.instant();
        Optional<Duration> held = hold.remaining(now);
        if (held.isPresent()) {
            // Refused here, from the earlier 609: no code, the wait left.
            throw new WebcamLimitException(
                    "609 earlier: webcam requests are held back for another "
                            + held.get().toSeconds() + " s (nothing sent)",
                    connection.id(),
                    ErrorDetails.none().withRetryAfter(held.get()));
        }
        try {
            R result = request.get();
            hold.succeeded();
            return result;
        } catch (WebcamLimitException e) {
            Duration wait = hold.refused(clock.instant());
            throw new WebcamLimitException(
                    e.getMessage() + "; webcam requests are held back for " + wait.toSeconds() + " s",
                    connection.id(),
                    e.details().withRetryAfter(later(wait, e.retryAfter())));
        }
    }

    /** The longer of the hold and the wait OctoEverywhere asked for. */
    private static Duration later(Duration hold, Optional<Duration> asked) {
        return asked.filter(a -> a.compareTo(hold) > 0).orElse(hold);
    }

    private <R> R call(StoredConnection stored, CallKind kind, Function<Target, R> request) {
        return shared.guard()
                .call(
                        stored.connection(),
                        kind,
                        () -> shared.routes().run(stored.connection(), stored.secrets(), kind, () -> true, request));
    }

    private <T> HttpResponse<T> send(Target target, String path, HttpResponse.BodyHandler<T> handler) {
        HttpRequest request = shared.transport()
                .request(target, path, shared.relaySettings().readTimeout())
                .GET()
                .build();
        return shared.transport().send(target, request, handler);
    }

    void forget(@Observes ConnectionRemoved removed) {
        holds.remove(removed.connectionId());
        cameras.remove(removed.connectionId());
    }
}
