package dev.printfarm.appconnection.impl.cluster;

import dev.printfarm.appconnection.impl.config.ConfigReader;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Several servers on one store: how long a server's hold on once-per-cluster work lasts, and whether the fleet refresh
 * and Gadget polling are shared.
 *
 * @param leaseTtl   how long a server's hold on once-per-cluster work lasts unless renewed: the bound on a take-over
 * @param shareState {@code true} or {@code false}, or empty for "auto" (on unless the store is an embedded Derby
 *                   database, which no second server can open)
 */
public record ClusterSettings(Duration leaseTtl, Optional<Boolean> shareState) {

    public static final String LEASE_TTL = "appconnection.cluster.lease-ttl";
    public static final String SHARE_STATE = "appconnection.cluster.share-state";

    public static ClusterSettings read(ConfigReader in) {
        Map<String, Optional<Boolean>> share = new LinkedHashMap<>();
        share.put("auto", Optional.empty());
        share.put("true", Optional.of(true));
        share.put("false", Optional.of(false));
        return new ClusterSettings(in.duration(LEASE_TTL, "PT15S"), in.choice(SHARE_STATE, "auto", share));
    }
}
