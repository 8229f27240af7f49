package dev.printfarm.appconnection.api.stream;

/**
 * Receives the frames of a printer's webcam stream. Called on a background thread, one call at a time per listener;
 * a listener that throws is logged and keeps receiving.
 */
public interface WebcamListener {

    void onFrame(WebcamImage frame);

    /** The stream ended for every listener; nothing more arrives. */
    default void onEnd(StreamEnd end) {}
}
