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

/** The Info API's answer for one printer. */
record ConnectionInfo(int status, JsonObject body) {

    /** The Info API reports only the account-level failures; relay-only codes (606+) do not affect it. */
    private static final int LAST_INFO_FAILURE = 605;

    static ConnectionInfo of(EmulatedPrinter printer, String userFacingUrl) {
        PrinterStatus status = printer.status();
        PrinterControls controls = status.controls();
        if (controls.failWith().isPresent() && controls.failWith().getAsInt() <= LAST_INFO_FAILURE) {
            int failure = controls.failWith().getAsInt();
            return new ConnectionInfo(failure, OctoEverywhereErrors.body(failure));
        }
        if (!controls.supporter()) {
            return new ConnectionInfo(605, OctoEverywhereErrors.body(605));
        }
        PrinterLimits limits = printer.limits();
        return new ConnectionInfo(200, Json.createObjectBuilder()
                .add("PrinterName", printer.name())
                .add("PrinterLocalIp", printer.lanIp())
                .add("IsOnline", controls.online())
                .add("LastDisconnectTimeUtc", utc(status.lastDisconnect()))
                .add("LastConnectionTimeUtc", utc(status.lastConnection()))
                .add("UserFacingPrinterUrl", userFacingUrl)
                .add("PrinterLimits", Json.createObjectBuilder()
                        .add("MaxDownloadFileSizeBytes", limits.maxDownloadFileSizeBytes())
                        .add("MaxUploadFileSizeBytes", limits.maxUploadFileSizeBytes())
                        .add("MaxSingleWebcamStreamLengthSeconds", limits.maxSingleWebcamStreamLengthSeconds()))
                .build());
    }

    private static String utc(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }
}
