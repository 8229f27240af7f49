package dev.printfarm.appconnection.sandbox.push;

import dev.printfarm.appconnection.sandbox.printer.EmulatedPrinter;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * One open push socket of one printer: authenticated or not, its throttle, when its next {@code current} is due.
 * Everything it sends goes through its {@link PushOutbox} ({@link HubSocket}), under this object's lock, so {@code history} always comes
 * before the first {@code current}. Thread-safe.
 */
public final class PushSocket extends HubSocket {

    /** OctoPrint's base rate for {@code current}; a throttle of n sends every n × 500 ms. */
    public static final Duration CURRENT_INTERVAL = Duration.ofMillis(500);

    public static final int POLICY_VIOLATION = 1008;

    /** What a client's message led to. */
    public enum Reaction {
        /** A valid session: {@code history} was queued, {@code current} follows. */
        AUTHENTICATED,
        /** An invalid {@code auth}: the socket is to be closed with {@link #POLICY_VIOLATION}. */
        REJECTED,
        THROTTLED,
        IGNORED
    }

    private boolean authenticated;
    private int throttle = 1;
    private Instant nextCurrent = Instant.MAX;

    PushSocket(
            long id, EmulatedPrinter printer, PushTransport transport, Runnable frameSent, Consumer<HubSocket> broken) {
        super(id, printer, transport, frameSent, broken);
    }

    public synchronized boolean authenticated() {
        return authenticated && !closed;
    }

    public synchronized int throttle() {
        return throttle;
    }

    synchronized void send(JsonObject message) {
        if (!closed) {
            outbox.offer(message.toString());
        }
    }

    /**
     * {@code auth} is checked against the sessions the printer's passive login issued; a valid one queues
     * {@code history} (built only then) and starts the {@code current} cadence.
     */
    synchronized Reaction receive(ClientMessage message, Instant now, Supplier<JsonObject> history) {
        if (closed) {
            return Reaction.IGNORED;
        }
        if (message instanceof ClientMessage.Auth auth) {
            if (!printer().sessions().admits(auth.user(), auth.session())) {
                return Reaction.REJECTED;
            }
            authenticated = true;
            outbox.offer(history.get().toString());
            nextCurrent = now.plus(interval());
            return Reaction.AUTHENTICATED;
        }
        if (message instanceof ClientMessage.Throttle change) {
            throttle = change.factor();
            if (authenticated) {
                nextCurrent = now.plus(interval());
            }
            return Reaction.THROTTLED;
        }
        return Reaction.IGNORED;
    }

    /** Queues {@code current} (built only then) when this authenticated socket is due one; true when it did. */
    synchronized boolean tick(Instant now, Supplier<JsonObject> current) {
        if (closed || !authenticated || now.isBefore(nextCurrent)) {
            return false;
        }
        outbox.offer(current.get().toString());
        Instant next = nextCurrent.plus(interval());
        nextCurrent = next.isAfter(now) ? next : now.plus(interval());
        return true;
    }

    /** Events go to authenticated sockets only. */
    synchronized boolean event(JsonObject event) {
        if (closed || !authenticated) {
            return false;
        }
        return outbox.offer(event.toString());
    }

    private Duration interval() {
        return CURRENT_INTERVAL.multipliedBy(throttle);
    }
}
