package dev.printfarm.appconnection.impl.gadget;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.printfarm.appconnection.api.appapi.GadgetStatus;
import dev.printfarm.appconnection.api.appapi.GadgetUpdate;
import dev.printfarm.appconnection.api.error.AppApiResponseException;
import dev.printfarm.appconnection.api.error.AppConnectionException;
import dev.printfarm.appconnection.api.error.ConnectionSuspendedException;
import dev.printfarm.appconnection.api.error.PrinterUnreachableException;
import dev.printfarm.appconnection.impl.error.ErrorAnswer;
import dev.printfarm.appconnection.impl.error.ErrorMapper;
import dev.printfarm.appconnection.impl.error.Side;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class GadgetUpdateJsonTest {

    private static final URI SERVICE = URI.create("https://octoeverywhere.example");
    private static final Instant AT = Instant.parse("2026-11-28T19:30:00.250Z");
    private static final ErrorMapper ERRORS = new ErrorMapper(Clock.fixed(AT, ZoneOffset.UTC), SERVICE, "app");

    @Test
    void aVerdictTravelsWhole() {
        GadgetUpdate verdict = GadgetUpdate.of(
                "c1",
                AT,
                new GadgetStatus(
                        GadgetStatus.State.ACTIVE,
                        Optional.of("Looking \"good\""),
                        GadgetStatus.Color.GREEN,
                        OptionalInt.of(8)));
        assertEquals(verdict, GadgetUpdateJson.read(GadgetUpdateJson.write(verdict), ERRORS));
        GadgetUpdate bare = GadgetUpdate.of(
                "c1",
                AT,
                new GadgetStatus(
                        GadgetStatus.State.IDLE, Optional.empty(), GadgetStatus.Color.WHITE, OptionalInt.empty()));
        assertEquals(bare, GadgetUpdateJson.read(GadgetUpdateJson.write(bare), ERRORS));
    }

    @Test
    void aFailureComesBackAsTheModulesExceptionForItsStatus() {
        AppConnectionException suspended = ERRORS.map(ErrorAnswer.statusOnly("c2", Side.APP_API, 605));
        GadgetUpdate read =
                GadgetUpdateJson.read(GadgetUpdateJson.write(GadgetUpdate.failed("c2", AT, suspended)), ERRORS);
        assertEquals(AT, read.at());
        ConnectionSuspendedException again = assertInstanceOf(
                ConnectionSuspendedException.class, read.failure().orElseThrow());
        assertEquals(OptionalInt.of(605), again.octoEverywhereCode());
        assertEquals(((ConnectionSuspendedException) suspended).supporterUrl(), again.supporterUrl());

        AppConnectionException own = ERRORS.map(ErrorAnswer.statusOnly("c4", Side.APP_API, 500));
        GadgetUpdate server = GadgetUpdateJson.read(GadgetUpdateJson.write(GadgetUpdate.failed("c4", AT, own)), ERRORS);
        assertEquals(
                500,
                assertInstanceOf(AppApiResponseException.class, server.failure().orElseThrow())
                        .httpStatus());

        AppConnectionException unreachable =
                ErrorMapper.unreachable("c3", Side.APP_API, new java.io.IOException("reset"));
        GadgetUpdate none =
                GadgetUpdateJson.read(GadgetUpdateJson.write(GadgetUpdate.failed("c3", AT, unreachable)), ERRORS);
        assertInstanceOf(PrinterUnreachableException.class, none.failure().orElseThrow());
        assertTrue(none.failure().get().isTemporary());
    }
}
