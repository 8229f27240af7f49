package dev.printfarm.appconnection.sandbox.relay;

import dev.printfarm.appconnection.sandbox.web.SplitPath;
import java.util.Optional;

/**
 * A request as the relay sees it.
 *
 * @param connectionId the first path segment after {@code /relay}, as given (empty when there is none)
 * @param path         the printer-side path, always starting with {@code /}
 */
public record RelayRequest(String connectionId, String method, String path, Optional<String> authorization,
                           Optional<String> octoPrintApiKey) {

    public static RelayRequest of(String pathInfo, String method, Optional<String> authorization,
                                  Optional<String> octoPrintApiKey) {
        SplitPath split = SplitPath.of(pathInfo);
        return new RelayRequest(split.first(), method, split.rest(), authorization, octoPrintApiKey);
    }
}
