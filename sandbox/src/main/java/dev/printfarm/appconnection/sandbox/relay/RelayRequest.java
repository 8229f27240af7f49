package dev.printfarm.appconnection.sandbox.relay;

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
        String rest = pathInfo == null ? "" : pathInfo.replaceFirst("^/", "");
        int slash = rest.indexOf('/');
        String connectionId = slash < 0 ? rest : rest.substring(0, slash);
        String path = slash < 0 ? "/" : rest.substring(slash);
        return new RelayRequest(connectionId, method, path, authorization, octoPrintApiKey);
    }
}
