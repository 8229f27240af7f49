package dev.printfarm.appconnection.bench.connect;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the bench keeps of a portal completion before handing it to the module's callback: the connection's id and
 * printer, its relay URL and the headers a plain HTTP client needs to make the same relayed call as the module (the
 * relay's {@code Authorization}, chosen as the module chooses it, and the OctoPrint API key). {@link #toString()} never
 * prints the secrets.
 */
public record Completion(
        String connectionId, String printerId, URI relayUrl, String authorization, Optional<String> octoPrintApiKey) {

    public Completion {
        Objects.requireNonNull(connectionId, "connectionId");
        Objects.requireNonNull(printerId, "printerId");
        Objects.requireNonNull(relayUrl, "relayUrl");
        Objects.requireNonNull(authorization, "authorization");
        Objects.requireNonNull(octoPrintApiKey, "octoPrintApiKey");
    }

    /**
     * Reads the completion parameters off the callback URL the portal redirected to. {@code preferBearer} mirrors the
     * module's {@code appconnection.relay.auth-preference}: Bearer when there is a token and it is preferred or the
     * only kind, else Basic.
     */
    public static Completion from(URI callback, String printerId, boolean preferBearer) {
        Map<String, String> q = query(callback);
        if (!"true".equals(q.get("success"))) {
            throw new IllegalStateException("the portal did not succeed for printer " + printerId);
        }
        String id = required(q, "id");
        Optional<String> bearer = optional(q, "authBearerToken");
        Optional<String> user = optional(q, "authBasicHttpUser");
        Optional<String> password = optional(q, "authBasicHttpPassword");
        String authorization;
        if (bearer.isPresent() && (preferBearer || user.isEmpty())) {
            authorization = "Bearer " + bearer.get();
        } else if (user.isPresent() && password.isPresent()) {
            authorization = "Basic "
                    + Base64.getEncoder()
                            .encodeToString((user.get() + ":" + password.get()).getBytes(StandardCharsets.UTF_8));
        } else {
            throw new IllegalStateException("the completion for " + id + " carries no relay credentials");
        }
        return new Completion(
                id, printerId, URI.create(required(q, "url")), authorization, optional(q, "octoPrintApiKey"));
    }

    /** The relayed URL of an OctoPrint path ({@code /api/job}) on this connection. */
    public URI relayed(String path) {
        String base = relayUrl.toString();
        return URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + path);
    }

    /** The decoded query parameters of a URL, the last value of a repeated name winning. */
    public static Map<String, String> query(URI url) {
        Map<String, String> map = new LinkedHashMap<>();
        String raw = url.getRawQuery();
        if (raw == null || raw.isEmpty()) {
            return map;
        }
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            String[] kv = pair.split("=", 2);
            map.put(
                    URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                    kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
        }
        return map;
    }

    private static String required(Map<String, String> q, String name) {
        return optional(q, name).orElseThrow(() -> new IllegalStateException("the completion has no " + name));
    }

    private static Optional<String> optional(Map<String, String> q, String name) {
        return Optional.ofNullable(q.get(name)).filter(v -> !v.isBlank());
    }

    @Override
    public String toString() {
        return "Completion[" + connectionId + ", printer " + printerId + ", " + relayUrl
                + ", authorization=***, apiKey=" + (octoPrintApiKey.isPresent() ? "***" : "none") + "]";
    }
}
