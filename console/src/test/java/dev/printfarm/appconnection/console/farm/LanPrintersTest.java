package dev.printfarm.appconnection.console.farm;

import static dev.printfarm.appconnection.console.testing.FakeConnections.connection;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.printfarm.appconnection.api.PrinterDiscovery;
import dev.printfarm.appconnection.api.event.ConnectionCreated;
import dev.printfarm.appconnection.api.spi.SecretSealer;
import dev.printfarm.appconnection.console.testing.FakeConnections;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A new connection is tied to a LAN printer record, and gets its API key, only within one farm. */
class LanPrintersTest {

    /** One record, {@code lan-1} of {@code north-farm}, without a database. */
    static final class OneRecord extends LanPrinterStore {
        final List<String> attached = new ArrayList<>();

        @Override
        public Optional<LanPrinter> find(String farm, String id) {
            return "north-farm".equals(farm) && "lan-1".equals(id) ? Optional.of(record()) : Optional.empty();
        }

        @Override
        public Optional<LanPrinter> attach(String id, String connectionId) {
            attached.add(id + " -> " + connectionId);
            return "lan-1".equals(id) ? Optional.of(record()) : Optional.empty();
        }

        @Override
        public Optional<String> sealedApiKey(String id) {
            return "lan-1".equals(id) ? Optional.of("sealed-key") : Optional.empty();
        }

        private static LanPrinter record() {
            return new LanPrinter(
                    "lan-1",
                    "Prusa",
                    URI.create("http://192.168.1.50"),
                    new PrinterDiscovery(PrinterDiscovery.Outcome.FOUND, Optional.of("p1"), Optional.empty(), "found"),
                    Optional.empty(),
                    Instant.parse("2026-01-01T00:00:00Z"));
        }
    }

    private final OneRecord store = new OneRecord();
    private final FakeConnections module = new FakeConnections();
    private final LanPrinters printers = new LanPrinters();

    LanPrintersTest() {
        printers.store = store;
        printers.connections = module.proxy();
        printers.sealer = new SecretSealer() {
            @Override
            public String seal(String secret, String context) {
                throw new UnsupportedOperationException();
            }

            @Override
            public String open(String sealed, String context) {
                return "opened " + sealed;
            }
        };
    }

    private void created(String id, String owner) {
        module.with(connection(id, owner, Optional.of(LanPrinters.reference("lan-1"))));
        printers.connected(new ConnectionCreated(module.byId.get(id)));
    }

    @Test
    void theFarmsOwnConnectionGetsItsRecordAndKey() {
        created("c1", "north-farm");
        assertEquals(List.of("lan-1 -> c1"), store.attached);
        assertEquals(List.of("setOctoPrintApiKey c1 opened sealed-key"), module.calls);
    }

    @Test
    void anotherOwnersConnectionNamingTheRecordGetsNeitherRecordNorKey() {
        created("c2", "south-farm");
        assertEquals(List.of(), store.attached);
        assertEquals(List.of(), module.calls);
    }
}
