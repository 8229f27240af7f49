package dev.printfarm.appconnection.impl.relay;

import dev.printfarm.appconnection.impl.store.ConnectionSecrets;
import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Puts the relay credentials on every relayed request (Bearer when issued, Basic otherwise) and the
 * OctoPrint API key when the connection has one.
 */
public class RelayHeaders implements ClientRequestFilter {

    private final String authorization;
    private final String octoPrintApiKey;

    public RelayHeaders(ConnectionSecrets secrets) {
        this.authorization = authorization(secrets);
        this.octoPrintApiKey = secrets.octoPrintApiKey().orElse(null);
    }

    static String authorization(ConnectionSecrets secrets) {
        if (secrets.bearerToken().isPresent()) {
            return "Bearer " + secrets.bearerToken().get();
        }
        String pair = secrets.basicUser().orElseThrow() + ":" + secrets.basicPassword().orElseThrow();
        return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void filter(ClientRequestContext request) {
        request.getHeaders().putSingle(HttpHeaders.AUTHORIZATION, authorization);
        if (octoPrintApiKey != null) {
            request.getHeaders().putSingle("X-Api-Key", octoPrintApiKey);
        }
    }

    @Override
    public String toString() {
        return "RelayHeaders[***]";
    }
}
