package dev.printfarm.appconnection.impl.gadget;

import dev.printfarm.appconnection.api.appapi.GadgetStatus;
import dev.printfarm.appconnection.api.appapi.GadgetUpdate;
import dev.printfarm.appconnection.api.error.AppConnectionException;
import dev.printfarm.appconnection.impl.json.Optionals;
import dev.printfarm.appconnection.impl.json.WireJson;
import dev.printfarm.appconnection.impl.relay.OctoEverywhereStatus;
import java.net.URI;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A Gadget update as the server polling for the cluster shares it with the others ({@link Stored}). A failure travels
 * as its status and is rebuilt on the reading server as the exception the module throws for that status (one without
 * a status, such as an unreachable relay, as an unreachable one); the message of the original is not carried.
 */
final class GadgetUpdateJson {

    private GadgetUpdateJson() {
    }

    /** The stored form: a status, or a failure. */
    public record Stored(String id, Instant at, Status status, Failure failure) {
    }

    /** Gadget's verdict. */
    public record Status(String state, String color, String text, Integer rating) {
    }

    /** A failed poll, by its status when it had one. */
    public record Failure(Integer status) {
    }

    static String write(GadgetUpdate update) {
        Status status = update.status().map(s -> new Status(s.state().name(), s.color().name(), s.status().orElse(null),
                s.rating().isPresent() ? s.rating().getAsInt() : null)).orElse(null);
        Failure failure = update.failure().map(f -> new Failure(f.status().isPresent() ? f.status().getAsInt() : null))
                .orElse(null);
        return WireJson.write(new Stored(update.connectionId(), update.at(), status, failure));
    }

    /** @throws RuntimeException for a row that is not an update */
    static GadgetUpdate read(String text, URI serviceUrl, String appId) {
        Stored s = WireJson.read(text, Stored.class);
        String id = Objects.requireNonNull(s.id(), "id");
        Instant at = Objects.requireNonNull(s.at(), "at");
        if (s.status() != null) {
            return GadgetUpdate.of(id, at, new GadgetStatus(GadgetStatus.State.valueOf(s.status().state()),
                    Optional.ofNullable(s.status().text()), GadgetStatus.Color.valueOf(s.status().color()),
                    Optionals.of(s.status().rating())));
        }
        Failure failure = Objects.requireNonNull(s.failure(), "failure");
        AppConnectionException error = failure.status() != null
                ? OctoEverywhereStatus.exceptionFor(failure.status(), id, serviceUrl, appId)
                : OctoEverywhereStatus.unreachable(id, new java.io.IOException("reported by the server polling Gadget"));
        return GadgetUpdate.failed(id, at, error);
    }
}
