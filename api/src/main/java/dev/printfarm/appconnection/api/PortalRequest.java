package dev.printfarm.appconnection.api;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * What the application asks of the OctoEverywhere portal. {@code appId} and {@code returnUrl} come from
 * the module's configuration, not from here.
 *
 * @param owner                  who the new connection will belong to (a user, a farm, a tenant): 1–200 characters
 * @param printerId              the OctoEverywhere printer id to preselect
 * @param appLogoUrl             an absolute http(s) URL of a logo the portal shows
 * @param octoPrintApiKeyAppName when present (2–60 characters), the portal tries to generate an OctoPrint API key
 * @param reference              the application's own value for this flow (1–200 characters, e.g. the id of its
 *                               printer record), kept with the flow and handed back as
 *                               {@link AppConnection#reference()} of the connection it creates; never sent to
 *                               OctoEverywhere
 */
public record PortalRequest(
        String owner,
        Optional<String> printerId,
        Optional<URI> appLogoUrl,
        Optional<String> octoPrintApiKeyAppName,
        Optional<String> reference) {

    public PortalRequest {
        Objects.requireNonNull(owner, "owner");
        if (owner.isBlank() || owner.length() > 200) {
            throw new IllegalArgumentException("owner must be 1-200 characters and not blank");
        }
        printerId = Objects.requireNonNull(printerId, "printerId").map(String::strip);
        printerId.ifPresent(id -> {
            if (id.isEmpty() || id.length() > 100) {
                throw new IllegalArgumentException("printerId must be 1-100 characters");
            }
        });
        Objects.requireNonNull(appLogoUrl, "appLogoUrl").ifPresent(url -> {
            if (!url.isAbsolute()
                    || !("https".equalsIgnoreCase(url.getScheme()) || "http".equalsIgnoreCase(url.getScheme()))) {
                throw new IllegalArgumentException("appLogoUrl must be an absolute http(s) URL");
            }
        });
        Objects.requireNonNull(octoPrintApiKeyAppName, "octoPrintApiKeyAppName").ifPresent(name -> {
            if (name.length() < 2 || name.length() > 60) {
                throw new IllegalArgumentException(
                        "octoPrintApiKeyAppName must be 2-60 characters, was " + name.length());
            }
        });
        Objects.requireNonNull(reference, "reference").ifPresent(value -> {
            if (value.isBlank() || value.length() > 200) {
                throw new IllegalArgumentException("reference must be 1-200 characters and not blank");
            }
        });
    }

    /** A request for {@code owner} with nothing optional set. */
    public static PortalRequest forOwner(String owner) {
        return new PortalRequest(owner, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    public PortalRequest withPrinterId(String id) {
        return new PortalRequest(owner, Optional.of(id), appLogoUrl, octoPrintApiKeyAppName, reference);
    }

    public PortalRequest withAppLogoUrl(URI url) {
        return new PortalRequest(owner, printerId, Optional.of(url), octoPrintApiKeyAppName, reference);
    }

    /** Asks the portal to generate an OctoPrint API key labelled with {@code appName}. */
    public PortalRequest withOctoPrintApiKey(String appName) {
        return new PortalRequest(owner, printerId, appLogoUrl, Optional.of(appName), reference);
    }

    /** Ties the flow to the application's own record; the new connection carries it as {@link AppConnection#reference()}. */
    public PortalRequest withReference(String value) {
        return new PortalRequest(owner, printerId, appLogoUrl, octoPrintApiKeyAppName, Optional.of(value));
    }
}
