package dev.printfarm.appconnection.sandbox.webcam;

/** Why a stream ended. */
public enum StreamOutcome {
    /** Writing a frame failed: the client went away. */
    CLIENT_GONE,
    /** The relay's {@code maxWebcamSeconds} ran out. */
    CUT_AT_LIMIT,
    /** The sandbox was reset or is shutting down. */
    STOPPED
}
