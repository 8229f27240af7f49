package dev.printfarm.appconnection.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.printfarm.appconnection.api.command.CommandFeature;
import dev.printfarm.appconnection.api.command.CommandStatus;
import dev.printfarm.appconnection.api.fleet.Temperature;
import dev.printfarm.appconnection.api.moonraker.MoonrakerStatus;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Moonraker's and the command API's status in the fleet's common terms (OctoPrint's state texts, job, heaters). */
class PlatformTermsTest {

    private static MoonrakerStatus klipper(String klippy, String state, double progress) {
        return new MoonrakerStatus(
                OptionalDouble.of(100),
                Optional.of(new MoonrakerStatus.PrintStats(
                        Optional.of("benchy.gcode"),
                        Optional.of(state),
                        OptionalDouble.of(700),
                        OptionalDouble.of(600),
                        OptionalDouble.empty(),
                        Optional.empty(),
                        OptionalInt.empty(),
                        OptionalInt.empty())),
                Optional.of(new MoonrakerStatus.VirtualSdcard(
                        Optional.empty(),
                        OptionalDouble.of(progress),
                        Optional.of(true),
                        OptionalLong.empty(),
                        OptionalLong.empty())),
                Optional.of(new MoonrakerStatus.Heater(
                        OptionalDouble.of(214.6), OptionalDouble.of(215), OptionalDouble.empty())),
                Optional.of(new MoonrakerStatus.Heater(
                        OptionalDouble.of(59.9), OptionalDouble.of(60), OptionalDouble.empty())),
                Optional.empty(),
                Optional.of(new MoonrakerStatus.Webhooks(Optional.of(klippy), Optional.empty())));
    }

    @Test
    void aPrintingKlipperReadsLikeAPrintingOctoPrint() {
        MoonrakerStatus r = klipper("ready", "printing", 0.25);
        assertEquals("Printing", r.statusText());
        assertEquals(25.0, r.job().progress().getAsDouble(), 1e-9);
        assertEquals(OptionalLong.of(600), r.job().printTimeSeconds());
        assertEquals(OptionalLong.of(1800), r.job().printTimeLeftSeconds(), "600 s for a quarter: 1800 s to go");
        assertEquals(Optional.of("benchy.gcode"), r.job().file());
        assertEquals(
                List.of("tool0", "bed"),
                r.temperatures().stream().map(Temperature::heater).toList());
        assertEquals(215.0, r.temperatures().get(0).target().getAsDouble(), 1e-9);
    }

    @Test
    void aShutDownKlipperIsAnErrorAndAnIdleOneHasNoProgress() {
        assertEquals("Error", klipper("shutdown", "printing", 0.5).statusText());
        assertEquals("Offline", klipper("disconnected", "printing", 0.5).statusText(), "Moonraker without Klipper");
        MoonrakerStatus idle = klipper("ready", "complete", 1.0);
        assertEquals("Operational", idle.statusText());
        assertTrue(idle.job().progress().isEmpty());
        assertTrue(idle.job().printTimeLeftSeconds().isEmpty());
    }

    @Test
    void theCommandApisStatusGivesStateJobAndHeaters() {
        CommandStatus printing = new CommandStatus(
                CommandStatus.State.PAUSED,
                Optional.empty(),
                Optional.of(new CommandStatus.Print(
                        Optional.of("gcode/part.3mf"),
                        OptionalDouble.of(42.5),
                        Optional.of(Duration.ofSeconds(900)),
                        Optional.of(Duration.ofSeconds(1200)),
                        OptionalInt.of(12),
                        OptionalInt.of(250),
                        new CommandStatus.Temperatures(
                                OptionalDouble.of(55),
                                OptionalDouble.of(55),
                                OptionalDouble.of(220),
                                OptionalDouble.of(220),
                                OptionalDouble.empty(),
                                OptionalDouble.empty()))),
                List.of(),
                Set.of(CommandFeature.LIGHT),
                Optional.empty(),
                Optional.empty());
        CommandStatus r = printing;
        assertEquals("Paused", r.statusText());
        assertEquals(42.5, r.job().progress().getAsDouble(), 1e-9);
        assertEquals(OptionalLong.of(1200), r.job().printTimeLeftSeconds());
        assertEquals(
                List.of("tool0", "bed"),
                r.temperatures().stream().map(Temperature::heater).toList());

        CommandStatus idle = new CommandStatus(
                CommandStatus.State.COMPLETE,
                Optional.empty(),
                printing.print(),
                List.of(),
                Set.of(),
                Optional.empty(),
                Optional.empty());
        CommandStatus done = idle;
        assertEquals("Operational", done.statusText());
        assertTrue(done.job().progress().isEmpty(), "a finished print shows no progress bar");
    }
}
