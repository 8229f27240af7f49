package dev.printfarm.appconnection.impl.store;

import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

class StoreDataSourceTest {

    @Test
    void aMissingDataSourceFailsWithTheReferenceAndTheJndiNameInTheMessage() {
        var e = assertThrows(IllegalStateException.class, () -> StoreDataSource.require(null));
        assertTrue(e.getMessage().contains("java:comp/env/jdbc/appconnection"), e.getMessage());
        assertTrue(e.getMessage().contains("JNDI name jdbc/appconnection"), e.getMessage());
        assertTrue(e.getMessage().contains("appconnection.store"), e.getMessage());
    }

    @Test
    void aPresentDataSourceIsHandedBackUntouched() {
        DataSource present = (DataSource) Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {DataSource.class}, (proxy, method, args) -> {
                    throw new AssertionError("the data source was used: " + method.getName());
                });
        assertSame(present, StoreDataSource.require(present));
    }
}
