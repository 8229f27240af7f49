package dev.printfarm.appconnection.impl.health;

import dev.printfarm.appconnection.api.ConnectionState;
import dev.printfarm.appconnection.impl.store.ConnectionStore;
import dev.printfarm.appconnection.impl.store.StoreDataSource;
import dev.printfarm.appconnection.impl.store.StoreStartup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;

/**
 * MicroProfile Health for the module ({@code /health}, feature {@code mpHealth-4.0}): it is alive while its
 * application is; it is ready when its store answers; and a check that is always up reports how many connections
 * are in each state (a revoked or suspended fleet is not a reason to take the server out of a load balancer).
 */
@ApplicationScoped
public class ModuleHealth {

    private static final int STORE_TIMEOUT_SECONDS = 2;

    /** The data source through the store's start, not injected here: Payara makes this bean while still deploying. */
    @Inject
    StoreStartup storeStartup;

    @Inject
    ConnectionStore store;

    @Produces
    @Liveness
    HealthCheck alive() {
        return () -> HealthCheckResponse.up("appconnection");
    }

    @Produces
    @Readiness
    HealthCheck storeReachable() {
        return () -> {
            HealthCheckResponseBuilder response = HealthCheckResponse.named("appconnection-store");
            DataSource dataSource = storeStartup.dataSource();
            if (dataSource == null) {
                return response.down()
                        .withData("error", "no data source for java:comp/env/" + StoreDataSource.REFERENCE)
                        .build();
            }
            try (Connection connection = dataSource.getConnection()) {
                boolean valid = connection.isValid(STORE_TIMEOUT_SECONDS);
                return response.status(valid)
                        .withData("database", connection.getMetaData().getDatabaseProductName())
                        .build();
            } catch (SQLException e) {
                return response.down()
                        .withData("error", e.getClass().getSimpleName())
                        .build();
            }
        };
    }

    @Produces
    @Readiness
    HealthCheck fleet() {
        return () -> {
            HealthCheckResponseBuilder response =
                    HealthCheckResponse.named("appconnection-fleet").up();
            try {
                Map<ConnectionState, Long> counts = store.countByState();
                long total = 0;
                for (ConnectionState state : ConnectionState.values()) {
                    long n = counts.getOrDefault(state, 0L);
                    total += n;
                    response.withData(state.name(), n);
                }
                return response.withData("total", total).build();
            } catch (RuntimeException e) {
                // The store check says whether the store is down; the counts are information only.
                return response.withData("error", e.getClass().getSimpleName()).build();
            }
        };
    }
}
