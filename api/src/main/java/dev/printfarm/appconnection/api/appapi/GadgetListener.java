package dev.printfarm.appconnection.api.appapi;

import dev.printfarm.appconnection.api.stream.StreamEnd;

/**
 * Receives the Gadget monitor's answers for a watched connection (see
 * {@link dev.printfarm.appconnection.api.AppConnectionService#watchGadget}), like every listener of the module: called on
 * a background thread, one call at a time per listener; a listener that throws is logged and keeps receiving.
 */
@FunctionalInterface
public interface GadgetListener {

    void onUpdate(GadgetUpdate update);

    /** The watch ended for good; nothing more arrives. */
    default void onEnd(StreamEnd end) {}
}
