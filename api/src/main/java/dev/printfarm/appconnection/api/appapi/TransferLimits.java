package dev.printfarm.appconnection.api.appapi;

import java.util.Objects;
import java.util.OptionalLong;

/** The owner's account limits as OctoEverywhere's Info API reports them ({@code PrinterLimits}); empty when not reported. */
public record TransferLimits(
        OptionalLong maxDownloadBytes, OptionalLong maxUploadBytes, OptionalLong maxWebcamStreamSeconds) {

    public TransferLimits {
        Objects.requireNonNull(maxDownloadBytes, "maxDownloadBytes");
        Objects.requireNonNull(maxUploadBytes, "maxUploadBytes");
        Objects.requireNonNull(maxWebcamStreamSeconds, "maxWebcamStreamSeconds");
    }

    public static TransferLimits unknown() {
        return new TransferLimits(OptionalLong.empty(), OptionalLong.empty(), OptionalLong.empty());
    }
}
