package dev.printfarm.appconnection.api.error;

import java.net.URI;
import java.util.Objects;

/**
 * 605: the printer's owner no longer has OctoEverywhere's supporter perks. The connection is kept and
 * works again once they resubscribe; {@link #supporterUrl()} is the page to send them to. Temporary.
 */
public class ConnectionSuspendedException extends OctoEverywhereException {

    private final URI supporterUrl;

    public ConnectionSuspendedException(String message, String connectionId, URI supporterUrl, ErrorDetails details) {
        super(message, connectionId, details, true, 605);
        this.supporterUrl = Objects.requireNonNull(supporterUrl, "supporterUrl");
    }

    public URI supporterUrl() {
        return supporterUrl;
    }
}
