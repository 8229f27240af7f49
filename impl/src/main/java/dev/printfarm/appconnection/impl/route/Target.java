package dev.printfarm.appconnection.impl.route;

import dev.printfarm.appconnection.api.ConnectionRoute;
import java.net.URI;
import java.util.Map;
import java.util.Objects;

/**
 * Where one attempt of a call goes: the base URL standing in for the printer's local address, and the headers
 * that authenticate there (the relay credentials on the relay; only the OctoPrint API key on the LAN); or, with
 * {@code appApi}, OctoEverywhere's own App APIs for the connection, whose answers are OctoEverywhere's, not a printer's.
 * {@link #toString()} never prints the headers.
 */
public record Target(
        String connectionId, ConnectionRoute route, URI base, Map<String, String> headers, boolean appApi) {

    public Target {
        Objects.requireNonNull(connectionId, "connectionId");
        Objects.requireNonNull(route, "route");
        Objects.requireNonNull(base, "base");
        headers = Map.copyOf(headers);
    }

    /** A printer's target: on the relay or on the LAN. */
    public Target(String connectionId, ConnectionRoute route, URI base, Map<String, String> headers) {
        this(connectionId, route, base, headers, false);
    }

    /** OctoEverywhere's App APIs at {@code serviceUrl}, for one connection (its token goes in a header of each call). */
    public static Target appApi(String connectionId, URI serviceUrl) {
        return new Target(connectionId, ConnectionRoute.RELAY, serviceUrl, Map.of(), true);
    }

    /** The base URL with a path appended; the path starts with {@code /} and is already encoded. */
    public URI resolve(String encodedPath) {
        String b = base.toString();
        return URI.create((b.endsWith("/") ? b.substring(0, b.length() - 1) : b) + encodedPath);
    }

    @Override
    public String toString() {
        return "Target[" + connectionId + ", " + (appApi ? "App API" : route) + ", " + base + ", headers="
                + headers.keySet() + "]";
    }
}
