package dev.printfarm.appconnection.api;

/** A running subscription; {@link #close()} ends it. Closing twice is harmless. Never throws. */
public interface Subscription extends AutoCloseable {
    @Override
    void close();
}
