package dev.printfarm.appconnection.sandbox.appapi;

import dev.printfarm.appconnection.sandbox.printer.EmulatedPrinter;
import dev.printfarm.appconnection.sandbox.printer.PrinterControls;
import dev.printfarm.appconnection.sandbox.printer.PrinterLimits;
import dev.printfarm.appconnection.sandbox.printer.PrinterStatus;
import dev.printfarm.appconnection.sandbox.web.OctoEverywhereErrors;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.OptionalInt;

/** The Info API's answer for one printer. */
record ConnectionInfo(int status, JsonObject body) {

    /** The Info API reports only the account-level failures; relay-only codes (606+) do not affect it. */
    private static final int LAST_INFO_FAILURE = 605;

    static ConnectionInfo of(EmulatedPrinter printer, String userFacingUrl) {
        PrinterStatus status = printer.status();
        PrinterControls controls = status.controls();
        OptionalInt failure = accountFailure(controls);
        if (failure.isPresent()) {
            return new ConnectionInfo(failure.getAsInt(), OctoEverywhereErrors.body(failure.getAsInt()));
        }
        PrinterLimits limits = printer.limits();
        return new ConnectionInfo(
                200,
                Json.createObjectBuilder()
                        .add("PrinterName", printer.name())
                        .add("PrinterLocalIp", printer.lanIp())
                        .add("IsOnline", controls.online())
                        .add("LastDisconnectTimeUtc", utc(status.lastDisconnect()))
                        .add("LastConnectionTimeUtc", utc(status.lastConnection()))
                        .add("UserFacingPrinterUrl", userFacingUrl)
                        .add(
                                "PrinterLimits",
                                Json.createObjectBuilder()
                                        .add("MaxDownloadFileSizeBytes", limits.maxDownloadFileSizeBytes())
                                        .add("MaxUploadFileSizeBytes", limits.maxUploadFileSizeBytes())
                                        .add(
                                                "MaxSingleWebcamStreamLengthSeconds",
                                                limits.maxSingleWebcamStreamLengthSeconds()))
                        .build());
    }

    /**
     * What every App API answers for this printer's connections before anything else (after 603 and 604): its
     * {@code failWith} when that is one of 600..605, else 605 when the owner is no longer a supporter.
     */
    static OptionalInt accountFailure(PrinterControls controls) {
        if (controls.failWith().isPresent() && controls.failWith().getAsInt() <= LAST_INFO_FAILURE) {
            return controls.failWith();
        }
        return controls.supporter() ? OptionalInt.empty() : OptionalInt.of(605);
    }

    private static String utc(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }
}
