package dev.printfarm.appconnection.impl.relay;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** The configured {@link RelayUrlPolicy} ({@link RelaySettings#urls()}). */
@ApplicationScoped
public class RelayUrls {

    @Inject
    RelaySettings settings;

    private RelayUrlPolicy fixed;

    /** A fixed policy instead of the configured one (unit tests have no configuration). */
    public static RelayUrls of(RelayUrlPolicy policy) {
        RelayUrls urls = new RelayUrls();
        urls.fixed = policy;
        return urls;
    }

    public RelayUrlPolicy policy() {
        return fixed != null ? fixed : settings.urls();
    }
}
