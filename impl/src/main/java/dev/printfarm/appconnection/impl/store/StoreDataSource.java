package dev.printfarm.appconnection.impl.store;

import javax.sql.DataSource;

/**
 * How the module reaches its database: through the resource reference {@value #REFERENCE} in the application's
 * {@code java:comp/env}, which a deployer may bind to any data source (a {@code resource-ref} with a
 * {@code lookup-name} in the application's {@code web.xml}, or the server's binding file). Unbound, it points at the
 * server's {@value #DEFAULT_LOOKUP}, the data source that {@code appconnection.xml} defines on Liberty.
 */
public final class StoreDataSource {

    /** The resource reference's name, relative to {@code java:comp/env}. */
    public static final String REFERENCE = "jdbc/appconnection";

    /** The global JNDI name the reference resolves to unless the deployer binds it elsewhere. */
    public static final String DEFAULT_LOOKUP = "jdbc/appconnection";

    private StoreDataSource() {}

    /**
     * The injected data source, or a failure that names what is missing: a server that has no data source for the
     * reference injects nothing, and the first use would otherwise end in a bare {@code NullPointerException}.
     *
     * @throws IllegalStateException when {@code injected} is {@code null}
     */
    public static DataSource require(DataSource injected) {
        if (injected == null) {
            throw new IllegalStateException("The App Connections module will not start: it has no data source."
                    + " Its resource reference java:comp/env/" + REFERENCE
                    + " resolves to nothing: define a data source"
                    + " with the JNDI name " + DEFAULT_LOOKUP + " (on Liberty include appconnection.xml and set"
                    + " appconnection.store to derby or postgresql in bootstrap.properties), or bind the reference "
                    + REFERENCE + " to your own data source in the application's web.xml (resource-ref with"
                    + " lookup-name).");
        }
        return injected;
    }
}
