package dev.printfarm.appconnection.api.appapi;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/** A Live Link: a public page showing the printer's stream and status, to share with anyone. */
public record LiveLink(String liveId, URI url, Optional<URI> shortUrl) {

    public LiveLink {
        Objects.requireNonNull(liveId, "liveId");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(shortUrl, "shortUrl");
    }
}
