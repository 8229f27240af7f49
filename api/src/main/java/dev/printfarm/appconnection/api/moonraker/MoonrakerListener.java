package dev.printfarm.appconnection.api.moonraker;

import dev.printfarm.appconnection.api.stream.StreamEnd;

/**
 * Receives a Moonraker printer's merged status (see {@link MoonrakerClient#subscribe(MoonrakerListener)}). Called on
 * a background thread, one call at a time per connection; a listener that throws is logged and keeps receiving.
 */
@FunctionalInterface
public interface MoonrakerListener {

    void onStatus(MoonrakerStatus status);

    /** The subscription ended for good (the module gave up); nothing more arrives. */
    default void onEnd(StreamEnd end) {}
}
