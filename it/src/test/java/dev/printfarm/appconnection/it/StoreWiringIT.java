package dev.printfarm.appconnection.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.printfarm.appconnection.api.AppConnectionService;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Map;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The store wiring itself: the module's data source is the database this server was set up for. Runs inside
 * Liberty. The server says what to expect through the Liberty variable {@code it.expected.store} (derby by
 * default, postgresql on server it-pg), set independently of {@code appconnection.store}, so a server that
 * silently fell back to Derby fails here.
 */
@ExtendWith(ArquillianExtension.class)
@Tag("store")
class StoreWiringIT {

    private static final Map<String, String> PRODUCT = Map.of("derby", "Apache Derby", "postgresql", "PostgreSQL");

    @Deployment
    static WebArchive module() {
        return Deployments.module(StoreWiringIT.class);
    }

    @Inject
    AppConnectionService service;

    @Resource(lookup = "jdbc/appconnection")
    DataSource dataSource;

    @Test
    void theModuleStoresInTheDatabaseThisServerIsConfiguredFor() throws SQLException {
        String expected = ConfigProvider.getConfig().getValue("it.expected.store", String.class);
        assertTrue(PRODUCT.containsKey(expected), "it.expected.store=" + expected);
        assertNotNull(dataSource, "jdbc/appconnection was not injected");

        // The module creates its tables on first use of its persistence unit.
        service.connections();

        try (Connection connection = dataSource.getConnection()) {
            DatabaseMetaData meta = connection.getMetaData();
            String product = meta.getDatabaseProductName();
            assertTrue(PRODUCT.containsValue(product), "unexpected database " + product);
            assertEquals(
                    PRODUCT.get(expected),
                    product,
                    "jdbc/appconnection is " + product + " " + meta.getDatabaseProductVersion() + " at "
                            + meta.getURL());
            String table = meta.storesLowerCaseIdentifiers() ? "appconn_connection" : "APPCONN_CONNECTION";
            try (ResultSet tables = meta.getTables(null, null, table, new String[] {"TABLE"})) {
                assertTrue(tables.next(), "no table " + table.toUpperCase(Locale.ROOT) + " in " + meta.getURL());
            }
        }
    }
}
