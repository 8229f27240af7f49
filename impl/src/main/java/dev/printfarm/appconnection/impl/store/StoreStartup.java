package dev.printfarm.appconnection.impl.store;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.logging.Logger;
import javax.sql.DataSource;

/** Says at start which database holds the connections, so a wrong store switch is seen at once. */
@ApplicationScoped
public class StoreStartup {

    private static final Logger LOG = Logger.getLogger(StoreStartup.class.getName());

    @Resource(lookup = "jdbc/appconnection")
    DataSource dataSource;

    void onStart(@Observes @Initialized(ApplicationScoped.class) Object started) {
        try (Connection connection = dataSource.getConnection()) {
            var meta = connection.getMetaData();
            LOG.info(() -> {
                try {
                    return "App Connection store: " + meta.getDatabaseProductName() + " " + meta.getDatabaseProductVersion()
                            + " (jdbc/appconnection)";
                } catch (SQLException e) {
                    return "App Connection store: jdbc/appconnection";
                }
            });
        } catch (SQLException e) {
            throw new IllegalStateException("The App Connection store jdbc/appconnection cannot be reached: "
                    + e.getMessage(), e);
        }
    }
}
