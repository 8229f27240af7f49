package dev.printfarm.appconnection.impl.route;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/** Tells of each connection's refused LAN address once, not on every call that falls back to the relay. Thread-safe. */
final class LanRefusals {

    private final Map<String, String> told = new ConcurrentHashMap<>();
    private final Consumer<String> log;

    LanRefusals(Consumer<String> log) {
        this.log = log;
    }

    void refused(String connectionId, String address, String reason) {
        if (!address.equals(told.put(connectionId, address))) {
            log.accept("App Connection " + connectionId + " stays on the relay: its LAN address was " + reason);
        }
    }

    void forget(String connectionId) {
        told.remove(connectionId);
    }
}
