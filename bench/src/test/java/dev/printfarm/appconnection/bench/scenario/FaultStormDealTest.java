package dev.printfarm.appconnection.bench.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.printfarm.appconnection.bench.connect.Completion;
import dev.printfarm.appconnection.bench.storm.FaultGroup;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class FaultStormDealTest {

    private static final List<Completion> FLEET = IntStream.range(0, 1000)
            .mapToObj(i -> new Completion(
                    "c" + i, "p" + i, URI.create("http://localhost/relay/c" + i), "Bearer t", Optional.empty()))
            .toList();

    @Test
    void healthyPrintersAreAllCalledAndFaultyGroupsOnlyTheirFirstFew() {
        List<FaultStorm.Printer> printers = FaultStorm.deal(FLEET, 10, 50);
        assertEquals(1000, printers.size());
        assertTrue(
                printers.stream().filter(p -> p.group() == FaultGroup.HEALTHY).allMatch(FaultStorm.Printer::called));
        for (FaultGroup g : FaultGroup.values()) {
            if (g != FaultGroup.HEALTHY) {
                assertEquals(
                        10,
                        printers.stream()
                                .filter(p -> p.group() == g && p.called())
                                .count(),
                        g.name());
            }
        }
    }

    @Test
    void pushGoesToTheWholePushGroupAndToHealthyPrintersSpreadOverTheFleet() {
        List<FaultStorm.Printer> printers = FaultStorm.deal(FLEET, 10, 50);
        List<FaultStorm.Printer> healthyPushed = printers.stream()
                .filter(p -> p.group() == FaultGroup.HEALTHY && p.pushed())
                .toList();
        assertEquals(50, healthyPushed.size());
        assertTrue(healthyPushed.get(healthyPushed.size() - 1).index() > 900, "spread to the end of the fleet");
        assertEquals(
                50,
                printers.stream()
                        .filter(p -> p.group() == FaultGroup.PUSH_6XX && p.pushed())
                        .count());
        assertEquals(100, printers.stream().filter(FaultStorm.Printer::pushed).count());
        assertEquals(
                50,
                FaultStorm.deal(FLEET, 10, 0).stream()
                        .filter(FaultStorm.Printer::pushed)
                        .count());
    }
}
