package dev.printfarm.appconnection.sandbox.appapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class AppApiFaultTest {

    private final AppApiFault fault = new AppApiFault();

    @Test
    void withoutAPlanEveryRequestIsAnsweredAsUsual() {
        assertEquals(OptionalInt.empty(), fault.take());
        assertEquals(Optional.empty(), fault.plan());
        assertEquals(0, fault.failed());
    }

    @Test
    void aPlanWithoutTimesFailsEveryRequestUntilItEnds() {
        fault.set(Optional.of(new AppApiFault.Plan(500, OptionalInt.empty())));

        for (int i = 0; i < 25; i++) {
            assertEquals(OptionalInt.of(500), fault.take());
        }
        fault.set(Optional.empty());

        assertEquals(OptionalInt.empty(), fault.take());
        assertEquals(25, fault.failed());
    }

    @Test
    void aPlanWithTimesFailsThatManyRequestsThenTheApiAnswers() {
        fault.set(Optional.of(new AppApiFault.Plan(503, OptionalInt.of(2))));

        assertEquals(OptionalInt.of(503), fault.take());
        assertEquals(Optional.of(new AppApiFault.Plan(503, OptionalInt.of(1))), fault.plan());
        assertEquals(OptionalInt.of(503), fault.take());

        assertEquals(Optional.empty(), fault.plan());
        assertEquals(OptionalInt.empty(), fault.take());
        assertEquals(2, fault.failed());
    }

    @Test
    void aNewPlanReplacesTheOneGoingOnAndKeepsTheCount() {
        fault.set(Optional.of(new AppApiFault.Plan(500, OptionalInt.of(5))));
        fault.take();

        fault.set(Optional.of(new AppApiFault.Plan(600, OptionalInt.of(1))));

        assertEquals(OptionalInt.of(600), fault.take());
        assertEquals(OptionalInt.empty(), fault.take());
        assertEquals(2, fault.failed());
    }

    @Test
    void resetEndsThePlanAndForgetsTheCount() {
        fault.set(Optional.of(new AppApiFault.Plan(500, OptionalInt.empty())));
        fault.take();

        fault.reset();

        assertEquals(Optional.empty(), fault.plan());
        assertEquals(OptionalInt.empty(), fault.take());
        assertEquals(0, fault.failed());
    }

    @Test
    void aPlanIsAStatusFrom500To699AndAtLeastOneTime() {
        assertThrows(IllegalArgumentException.class, () -> new AppApiFault.Plan(499, OptionalInt.empty()));
        assertThrows(IllegalArgumentException.class, () -> new AppApiFault.Plan(700, OptionalInt.empty()));
        assertThrows(IllegalArgumentException.class, () -> new AppApiFault.Plan(500, OptionalInt.of(0)));
        assertEquals(699, new AppApiFault.Plan(699, OptionalInt.of(1)).status());
    }
}
