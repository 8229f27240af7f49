package dev.printfarm.appconnection.api.stream;

/**
 * Receives a printer's push messages. Called on a background thread, one call at a time per connection; a listener
 * that throws is logged and keeps receiving. Reconnects are the module's business: the listener only hears of the
 * end when the module gives up for good (the connection was revoked, 603/604, or its credentials rejected, 606).
 */
public interface PushListener {

    void onMessage(PushMessage message);

    default void onEnd(StreamEnd end) {}
}
