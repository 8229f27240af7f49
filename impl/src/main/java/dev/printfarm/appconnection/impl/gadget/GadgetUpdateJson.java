package dev.printfarm.appconnection.impl.gadget;

import dev.printfarm.appconnection.api.appapi.GadgetStatus;
import dev.printfarm.appconnection.api.appapi.GadgetUpdate;
import dev.printfarm.appconnection.api.error.AppApiResponseException;
import dev.printfarm.appconnection.api.error.AppConnectionException;
import dev.printfarm.appconnection.impl.error.ErrorAnswer;
import dev.printfarm.appconnection.impl.error.ErrorMapper;
import dev.printfarm.appconnection.impl.error.Side;
import dev.printfarm.appconnection.impl.json.Optionals;
import dev.printfarm.appconnection.impl.json.WireJson;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A Gadget update as the server polling for the cluster shares it with the others ({@link Stored}). A failure travels
 * as the status the App API answered (OctoEverywhere's 6xx code, or the App API's own HTTP status) and is rebuilt on
 * the reading server by the one error mapper (one without a status, such as an unreachable relay or an unreadable
 * answer, as an unreachable one); the message of the original is not carried.
 */
final class GadgetUpdateJson {

    private GadgetUpdateJson() {}

    /** The stored form: a status, or a failure. */
    public record Stored(String id, Instant at, Status status, Failure failure) {}

    /** Gadget's verdict. */
    public record Status(String state, String color, String text, Integer rating) {}

    /** A failed poll, by the App API's status when it answered one. */
    public record Failure(Integer status) {}

    static String write(GadgetUpdate update) {
        Status status = update.status()
                .map(s -> new Status(
                        s.state().name(),
                        s.color().name(),
                        s.status().orElse(null),
                        s.rating().isPresent() ? s.rating().getAsInt() : null))
                .orElse(null);
        Failure failure = update.failure().map(f -> new Failure(answered(f))).orElse(null);
        return WireJson.write(new Stored(update.connectionId(), update.at(), status, failure));
    }

    /** What the App API answered: its 6xx code, or its own HTTP status. */
    private static Integer answered(AppConnectionException failure) {
        if (failure.octoEverywhereCode().isPresent()) {
            return failure.octoEverywhereCode().getAsInt();
        }
        return failure instanceof AppApiResponseException own ? own.httpStatus() : null;
    }

    /** @throws RuntimeException for a row that is not an update */
    static GadgetUpdate read(String text, ErrorMapper errors) {
        Stored s = WireJson.read(text, Stored.class);
        String id = Objects.requireNonNull(s.id(), "id");
        Instant at = Objects.requireNonNull(s.at(), "at");
        if (s.status() != null) {
            return GadgetUpdate.of(
                    id,
                    at,
                    new GadgetStatus(
                            GadgetStatus.State.valueOf(s.status().state()),
                            Optional.ofNullable(s.status().text()),
                            GadgetStatus.Color.valueOf(s.status().color()),
                            Optionals.of(s.status().rating())));
        }
        Failure failure = Objects.requireNonNull(s.failure(), "failure");
        AppConnectionException error = failure.status() != null
                ? errors.map(ErrorAnswer.statusOnly(id, Side.APP_API, failure.status()))
                : ErrorMapper.unreachable(
                        id, Side.APP_API, new java.io.IOException("reported by the server polling Gadget"));
        return GadgetUpdate.failed(id, at, error);
    }
}
