package dev.printfarm.appconnection.impl.cluster;

import dev.printfarm.appconnection.impl.store.StoreStartup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Where the fleet refresh and Gadget polling run. With a store other servers can share (see
 * {@link ClusterSettings#shareState()}), on the server holding the work's lease, which shares what it learns in
 * {@link SharedStore}; the others follow from there. With an embedded Derby store, on this server alone.
 */
@ApplicationScoped
public class ClusterWork {

    public static final String FLEET = "fleet-refresh";
    public static final String GADGET = "gadget-polling";

    @Inject
    ClusterSettings settings;

    @Inject
    StoreStartup storeStartup;

    @Inject
    Leases leases;

    /** Whether the work is shared through the store; the answer is known once the store is ready. */
    public boolean sharing() {
        return settings.shareState().orElseGet(() -> !storeStartup.embedded());
    }

    /** Whether the store's tables are in place, so the shared items can be read and written. */
    public boolean ready() {
        return storeStartup.ready();
    }

    /** Whether this server does the named work now (renewing its lease when sharing). */
    public boolean runsHere(String work) {
        return !sharing() || leases.holds(work);
    }

    /** This server, as {@link SharedStore} rows name their writer. */
    public String me() {
        return leases.holder();
    }
}
