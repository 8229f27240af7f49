package dev.printfarm.appconnection.sandbox.relay;

import dev.printfarm.appconnection.sandbox.octoprint.OctoPrintRequest;
import dev.printfarm.appconnection.sandbox.web.ReceivedBody;
import dev.printfarm.appconnection.sandbox.web.SplitPath;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A request as the relay sees it.
 *
 * @param connectionId  the first path segment after {@code /relay}, as given (empty when there is none)
 * @param path          the printer-side path, always starting with {@code /}
 * @param contentLength the {@code Content-Length} header, when the client sent one
 * @param relayBase     the connection's relay URL as the client reached it, for URLs in answers
 */
public record RelayRequest(
        String connectionId,
        String method,
        String path,
        Optional<String> authorization,
        Optional<String> octoPrintApiKey,
        Map<String, List<String>> query,
        Optional<String> contentType,
        OptionalLong contentLength,
        ReceivedBody body,
        String relayBase) {

    public RelayRequest {
        query = Map.copyOf(query);
    }

    /** A request without query or body. */
    public RelayRequest(
            String connectionId,
            String method,
            String path,
            Optional<String> authorization,
            Optional<String> octoPrintApiKey) {
        this(
                connectionId,
                method,
                path,
                authorization,
                octoPrintApiKey,
                Map.of(),
                Optional.empty(),
                OptionalLong.empty(),
                ReceivedBody.EMPTY,
                "");
    }

    public static RelayRequest of(
            String pathInfo, String method, Optional<String> authorization, Optional<String> octoPrintApiKey) {
        SplitPath split = SplitPath.of(pathInfo);
        return new RelayRequest(split.first(), method, split.rest(), authorization, octoPrintApiKey);
    }

    public RelayRequest with(
            Map<String, List<String>> query,
            Optional<String> contentType,
            OptionalLong contentLength,
            ReceivedBody body,
            String relayBase) {
        return new RelayRequest(
                connectionId,
                method,
                path,
                authorization,
                octoPrintApiKey,
                query,
                contentType,
                contentLength,
                body,
                relayBase);
    }

    /** The body size held against the upload limit: the announced length when there is one, else what came. */
    long uploadSize() {
        return contentLength.isPresent() ? contentLength.getAsLong() : body.total();
    }

    OctoPrintRequest toPrinter() {
        return new OctoPrintRequest(method, path, query, contentType, body, octoPrintApiKey, relayBase);
    }
}
