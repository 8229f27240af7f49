package dev.printfarm.appconnection.impl.error;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * An error answer as the {@link ErrorMapper} takes it.
 *
 * @param side    who answered
 * @param status  the status line's code
 * @param headers the answer's headers (names in any case)
 * @param body    what was read of the body, already capped by the transport; empty when none was read
 * @param bodyCut whether more of the body followed what was read
 * @param secrets the values of the headers that authenticated the request (relay credentials, API keys): never kept
 */
public record ErrorAnswer(
        String connectionId,
        Side side,
        int status,
        Map<String, List<String>> headers,
        byte[] body,
        boolean bodyCut,
        Set<String> secrets) {

    public ErrorAnswer {
        Objects.requireNonNull(connectionId, "connectionId");
        Objects.requireNonNull(side, "side");
        headers = Map.copyOf(Objects.requireNonNull(headers, "headers"));
        Objects.requireNonNull(body, "body");
        secrets = Set.copyOf(secrets);
    }

    /** An answer whose headers and body are unknown. */
    public static ErrorAnswer statusOnly(String connectionId, Side side, int status) {
        return new ErrorAnswer(connectionId, side, status, Map.of(), new byte[0], false, Set.of());
    }

    /** The first value of a header, by name in any case. */
    public Optional<String> header(String name) {
        return headers.entrySet().stream()
                .filter(e -> e.getKey() != null
                        && e.getKey().toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT)))
                .flatMap(e -> e.getValue() == null ? java.util.stream.Stream.empty() : e.getValue().stream())
                .filter(Objects::nonNull)
                .findFirst();
    }

    @Override
    public boolean equals(Object other) {
        return this == other;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }

    @Override
    public String toString() {
        return "ErrorAnswer[" + connectionId + ", " + side + ", " + status + ", " + body.length + " bytes"
                + (bodyCut ? " (cut)" : "") + "]";
    }
}
