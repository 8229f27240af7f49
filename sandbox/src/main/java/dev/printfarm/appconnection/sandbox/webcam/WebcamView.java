package dev.printfarm.appconnection.sandbox.webcam;

import dev.printfarm.appconnection.sandbox.printer.EmulatedPrinter;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * An admitted webcam request, to be served by the servlet that received it.
 *
 * @param streamLimit how long a stream may run before the relay ends it; empty on the LAN
 */
public record WebcamView(
        WebcamAction action, EmulatedPrinter printer, WebcamFace face, Optional<Duration> streamLimit) {

    public WebcamView {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(printer, "printer");
        Objects.requireNonNull(face, "face");
        Objects.requireNonNull(streamLimit, "streamLimit");
    }

    /** The relay cuts a stream at the account's {@code MaxSingleWebcamStreamLengthSeconds}. */
    public static WebcamView relayed(WebcamAction action, EmulatedPrinter printer) {
        return new WebcamView(
                action,
                printer,
                WebcamFace.RELAY,
                Optional.of(Duration.ofSeconds(printer.limits().maxSingleWebcamStreamLengthSeconds())));
    }

    public static WebcamView onLan(WebcamAction action, EmulatedPrinter printer) {
        return new WebcamView(action, printer, WebcamFace.LAN, Optional.empty());
    }
}
