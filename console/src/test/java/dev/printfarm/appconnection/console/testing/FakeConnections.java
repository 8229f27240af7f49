package dev.printfarm.appconnection.console.testing;

import dev.printfarm.appconnection.api.AppConnection;
import dev.printfarm.appconnection.api.AppConnectionService;
import dev.printfarm.appconnection.api.ConnectionState;
import dev.printfarm.appconnection.api.Subscription;
import dev.printfarm.appconnection.api.error.UnknownConnectionException;
import dev.printfarm.appconnection.api.stream.StreamEnd;
import dev.printfarm.appconnection.api.stream.WebcamImage;
import dev.printfarm.appconnection.api.stream.WebcamListener;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The module as the console's unit tests need it: stored connections (of any owner), a camera's snapshot and stream
 * as given, and a log of what was asked. Any other call fails the test.
 */
public final class FakeConnections {

    public final Map<String, AppConnection> byId = new LinkedHashMap<>();
    /** What every camera's snapshot answers. */
    public WebcamImage snapshot;
    /** What a stream delivers, in order, as soon as it is watched: {@link WebcamImage} frames and a {@link StreamEnd}. */
    public final List<Object> stream = new ArrayList<>();
    /** The calls that reached a printer or changed something, e.g. {@code "snapshot c1"}. */
    public final List<String> calls = new ArrayList<>();

    public int openSubscriptions;

    public FakeConnections with(AppConnection connection) {
        byId.put(connection.id(), connection);
        return this;
    }

    public static AppConnection connection(String id, String owner) {
        return connection(id, owner, Optional.empty());
    }

    public static AppConnection connection(String id, String owner, Optional<String> reference) {
        return new AppConnection(
                id,
                owner,
                "Printer " + id,
                URI.create("https://relay.example/" + id),
                Optional.empty(),
                Optional.empty(),
                ConnectionState.ONLINE,
                Instant.parse("2026-01-01T00:00:00Z"),
                false,
                reference);
    }

    public static WebcamImage image(String declaredType, byte[] data) {
        return new WebcamImage(0, Instant.parse("2026-01-01T00:00:00Z"), declaredType, data);
    }

    public AppConnectionService proxy() {
        return (AppConnectionService) Proxy.newProxyInstance(
                FakeConnections.class.getClassLoader(),
                new Class<?>[] {AppConnectionService.class},
                (proxy, m, args) -> switch (m.getName()) {
                    case "connection" -> Optional.ofNullable(byId.get((String) args[0]));
                    case "connections" ->
                        byId.values().stream()
                                .filter(c -> args == null || c.owner().equals(args[0]))
                                .toList();
                    case "snapshot" -> {
                        known((String) args[0]);
                        calls.add("snapshot " + args[0]);
                        yield snapshot;
                    }
                    case "watchWebcam" -> watch((String) args[0], (WebcamListener) args[1]);
                    case "setOctoPrintApiKey" -> {
                        known((String) args[0]);
                        calls.add("setOctoPrintApiKey " + args[0] + " " + args[1]);
                        yield null;
                    }
                    case "toString" -> "FakeConnections";
                    default -> throw new UnsupportedOperationException("AppConnectionService." + m.getName());
                });
    }

    private Subscription watch(String id, WebcamListener listener) {
        known(id);
        calls.add("watchWebcam " + id);
        openSubscriptions++;
        for (Object item : stream) {
            if (item instanceof WebcamImage frame) {
                listener.onFrame(frame);
            } else {
                listener.onEnd((StreamEnd) item);
            }
        }
        boolean[] closed = {false};
        return () -> {
            if (!closed[0]) {
                closed[0] = true;
                openSubscriptions--;
            }
        };
    }

    private void known(String id) {
        if (!byId.containsKey(id)) {
            throw new UnknownConnectionException(id);
        }
    }
}
