package dev.printfarm.appconnection.impl.route;

import dev.printfarm.appconnection.api.ConnectionRoute;
import java.net.URI;
import java.util.Map;
import java.util.Objects;

/**
 * Where one attempt of a call goes: the base URL standing in for the printer's local address, and the headers
 * that authenticate there (the relay credentials on the relay; only the OctoPrint API key on the LAN).
 * {@link #toString()} never prints the headers.
 */
public record Target(String connectionId, ConnectionRoute route, URI base, Map<String, String> headers) {

    public Target {
        Objects.requireNonNull(connectionId, "connectionId");
        Objects.requireNonNull(route, "route");
        Objects.requireNonNull(base, "base");
        headers = Map.copyOf(headers);
    }

    /** The base URL with a path appended; the path starts with {@code /} and is already encoded. */
    public URI resolve(String encodedPath) {
        String b = base.toString();
        return URI.create((b.endsWith("/") ? b.substring(0, b.length() - 1) : b) + encodedPath);
    }

    @Override
    public String toString() {
        return "Target[" + connectionId + ", " + route + ", " + base + ", headers=" + headers.keySet() + "]";
    }
}
