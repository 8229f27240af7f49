package dev.printfarm.appconnection.api.octoprint;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The answer to a passive login ({@code POST /api/login} with {@code passive}): who the API key belongs to and
 * the session that authenticates OctoPrint's push socket. {@link #toString()} never prints the session.
 */
public record OctoPrintLogin(String name, Optional<String> session, boolean active, boolean admin, Set<String> groups) {

    public OctoPrintLogin {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(session, "session");
        groups = Set.copyOf(groups);
    }

    @Override
    public String toString() {
        return "OctoPrintLogin[name=" + name + ", session=" + (session.isPresent() ? "***" : "none") + ", active="
                + active + ", admin=" + admin + ", groups=" + groups + "]";
    }
}
