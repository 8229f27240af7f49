package dev.printfarm.appconnection.api.stream;

import dev.printfarm.appconnection.api.error.AppConnectionException;
import dev.printfarm.appconnection.api.error.WebcamLimitException;
import java.util.Objects;
import java.util.Optional;

/** Why a webcam stream or a push subscription ended for its listeners. */
public record StreamEnd(Reason reason, Optional<AppConnectionException> failure) {

    public enum Reason {
        /** The module ended the stream before the account's {@code MaxSingleWebcamStreamLengthSeconds} would cut it. */
        LENGTH_LIMIT,
        /** The printer or the relay ended it. */
        ENDED_UPSTREAM,
        /** It failed; see {@link #failure()} (609: {@link WebcamLimitException#retryAfter()}). */
        FAILED
    }

    public StreamEnd {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(failure, "failure");
        if ((reason == Reason.FAILED) != failure.isPresent()) {
            throw new IllegalArgumentException("a failure goes with FAILED and only with it");
        }
    }

    public static StreamEnd of(Reason reason) {
        return new StreamEnd(reason, Optional.empty());
    }

    public static StreamEnd failed(AppConnectionException failure) {
        return new StreamEnd(Reason.FAILED, Optional.of(failure));
    }
}
