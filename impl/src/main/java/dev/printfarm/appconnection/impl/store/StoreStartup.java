package dev.printfarm.appconnection.impl.store;

import dev.printfarm.appconnection.impl.startup.ModuleStarting;
import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Says at start which database holds the connections, so a wrong store switch is seen at once, and has the store's
 * tables created or extended then, outside any transaction: on PostgreSQL a failed DDL statement inside a transaction
 * (a table another server created meanwhile) would abort the whole transaction and leave later tables uncreated.
 */
@ApplicationScoped
public class StoreStartup {

    private static final Logger LOG = Logger.getLogger(StoreStartup.class.getName());

    @Resource(name = StoreDataSource.REFERENCE, lookup = StoreDataSource.DEFAULT_LOOKUP)
    DataSource dataSource;

    @PersistenceContext(unitName = StoreUnit.NAME)
    EntityManager em;

    private volatile boolean ready;
    private volatile boolean embedded;

    /** Whether the store is an embedded Derby database, which no other server can open. */
    public boolean embedded() {
        return embedded;
    }

    /**
     * The store's data source, for checks that open a connection of their own (readiness). Other beans take it from
     * here rather than inject it: a bean that Payara creates while the application deploys (its health checks) cannot
     * have resources injected yet; this one is made when the module starts.
     */
    public DataSource dataSource() {
        return dataSource;
    }

    /** Whether the store's tables are in place: work that starts in a transaction waits for this. */
    public boolean ready() {
        return ready;
    }

    /** Right after the deployment guard: a refused configuration never reaches the database. */
    public static final int PRIORITY = Interceptor.Priority.PLATFORM_BEFORE + 10;

    void onStart(@Observes @Priority(PRIORITY) ModuleStarting started) {
        try (Connection connection = StoreDataSource.require(dataSource).getConnection()) {
            var meta = connection.getMetaData();
            String url = meta.getURL();
            embedded = url != null && url.startsWith("jdbc:derby:") && !url.startsWith("jdbc:derby://");
            LOG.info(() -> {
                try {
                    return "App Connection store: " + meta.getDatabaseProductName() + " "
                            + meta.getDatabaseProductVersion() + " (java:comp/env/" + StoreDataSource.REFERENCE + ")";
                } catch (SQLException e) {
                    return "App Connection store: java:comp/env/" + StoreDataSource.REFERENCE;
                }
            });
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "The App Connection store java:comp/env/" + StoreDataSource.REFERENCE
                            + " cannot be reached: "
                            + e.getMessage(),
                    e);
        }
        // The first use of the persistence unit creates or extends the tables (no transaction is active here).
        em.createQuery("select count(c) from ConnectionEntity c", Long.class).getSingleResult();
        ready = true;
    }
}
