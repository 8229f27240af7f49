package dev.printfarm.appconnection.impl.gadget;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.printfarm.appconnection.api.appapi.GadgetStatus;
import dev.printfarm.appconnection.api.appapi.GadgetUpdate;
import dev.printfarm.appconnection.api.error.AppConnectionException;
import dev.printfarm.appconnection.api.error.ConnectionSuspendedException;
import dev.printfarm.appconnection.api.error.PrinterUnreachableException;
import dev.printfarm.appconnection.impl.relay.OctoEverywhereStatus;
import java.net.URI;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class GadgetUpdateJsonTest {

    private static final URI SERVICE = URI.create("https://octoeverywhere.example");
    private static final Instant AT = Instant.parse("2026-11-28T19:30:00.250Z");

    @Test
    void aVerdictTravelsWhole() {
        GadgetUpdate verdict = GadgetUpdate.of("c1", AT, new GadgetStatus(GadgetStatus.State.ACTIVE,
                Optional.of("Looking \"good\""), GadgetStatus.Color.GREEN, OptionalInt.of(8)));
        assertEquals(verdict, GadgetUpdateJson.read(GadgetUpdateJson.write(verdict), SERVICE, "app"));
        GadgetUpdate bare = GadgetUpdate.of("c1", AT, new GadgetStatus(GadgetStatus.State.IDLE, Optional.empty(),
                GadgetStatus.Color.WHITE, OptionalInt.empty()));
        assertEquals(bare, GadgetUpdateJson.read(GadgetUpdateJson.write(bare), SERVICE, "app"));
    }

    @Test
    void aFailureComesBackAsTheModulesExceptionForItsStatus() {
        AppConnectionException suspended = OctoEverywhereStatus.exceptionFor(605, "c2", SERVICE, "app");
        GadgetUpdate read = GadgetUpdateJson.read(GadgetUpdateJson.write(GadgetUpdate.failed("c2", AT, suspended)),
                SERVICE, "app");
        assertEquals(AT, read.at());
        ConnectionSuspendedException again = assertInstanceOf(ConnectionSuspendedException.class, read.failure().orElseThrow());
        assertEquals(OptionalInt.of(605), again.status());
        assertEquals(((ConnectionSuspendedException) suspended).supporterUrl(), again.supporterUrl());

        AppConnectionException unreachable = OctoEverywhereStatus.unreachable("c3", new java.io.IOException("reset"));
        GadgetUpdate none = GadgetUpdateJson.read(GadgetUpdateJson.write(GadgetUpdate.failed("c3", AT, unreachable)),
                SERVICE, "app");
        assertInstanceOf(PrinterUnreachableException.class, none.failure().orElseThrow());
        assertTrue(none.failure().get().isTemporary());
    }
}
