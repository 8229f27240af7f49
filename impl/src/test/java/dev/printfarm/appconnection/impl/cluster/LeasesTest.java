package dev.printfarm.appconnection.impl.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.printfarm.appconnection.impl.store.StoreStartup;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Two servers' {@link Leases} over one in-memory lease table that behaves like {@link LeaseStore}. */
class LeasesTest {

    /** The lease table: the same rule as {@link LeaseStore#claim}, without a database. */
    static final class Table extends LeaseStore {
        final Map<String, Lease> rows = new HashMap<>();
        int claims;
        boolean down;

        @Override
        public synchronized boolean claim(String name, String holder, Instant now, Duration ttl) {
            claims++;
            if (down) {
                throw new IllegalStateException("database unavailable");
            }
            Lease row = rows.get(name);
            if (row == null || row.holder().equals(holder) || !now.isBefore(row.expiresAt())) {
                rows.put(name, new Lease(name, holder, now, now.plus(ttl)));
                return true;
            }
            return false;
        }

        @Override
        public synchronized void release(String name, String holder, Instant now) {
            Lease row = rows.get(name);
            if (row != null && row.holder().equals(holder)) {
                rows.put(name, new Lease(name, holder, row.acquiredAt(), now));
            }
        }

        @Override
        public synchronized Optional<Lease> find(String name) {
            return Optional.ofNullable(rows.get(name));
        }
    }

    private static Leases server(Table table) {
        Leases leases = new Leases();
        leases.store = table;
        leases.storeStartup = new StoreStartup() {
            @Override
            public boolean ready() {
                return true;
            }
        };
        leases.settings = new ClusterSettings(Duration.ofSeconds(3), Optional.empty());
        return leases;
    }

    @Test
    void oneServerHoldsTheWorkAndTheOtherSkips() {
        Table table = new Table();
        Leases a = server(table);
        Leases b = server(table);
        assertTrue(a.holds("info-refresh"));
        assertFalse(b.holds("info-refresh"));
        assertTrue(a.holds("info-refresh"), "the holder keeps it");
        assertTrue(b.holds("webhook-renewal"), "each kind of work has its own lease");
        assertEquals(a.holder(), table.find("info-refresh").orElseThrow().holder());
    }

    @Test
    void theHolderAsksTheDatabaseOnlyEveryThirdOfTheLeaseTime() {
        Table table = new Table();
        Leases a = server(table);
        for (int i = 0; i < 50; i++) {
            assertTrue(a.holds("info-refresh"));
        }
        assertEquals(1, table.claims, "50 rounds within a second cost one claim");
    }

    @Test
    void aCleanStopHandsOverAtOnceAndADeadHolderAfterTheLeaseTime() throws InterruptedException {
        Table table = new Table();
        Leases a = server(table);
        Leases b = server(table);
        assertTrue(a.holds("info-refresh"));
        a.releaseAll();
        assertTrue(b.holds("info-refresh"), "released: the other server takes it at once");

        Leases c = server(table);
        assertFalse(c.holds("info-refresh"));
        // b dies (no release): c gets the work once the lease time has passed since b's last renewal.
        Thread.sleep(3_100);
        assertTrue(c.holds("info-refresh"));
        assertEquals(c.holder(), table.find("info-refresh").orElseThrow().holder());
    }

    @Test
    void withoutTheDatabaseNobodyRunsTheWork() {
        Table table = new Table();
        Leases a = server(table);
        table.down = true;
        assertFalse(a.holds("info-refresh"));
    }
}
