package dev.printfarm.appconnection.impl.gadget;

import dev.printfarm.appconnection.api.appapi.GadgetListener;
import dev.printfarm.appconnection.api.appapi.GadgetUpdate;
import dev.printfarm.appconnection.api.stream.StreamEnd;
import jakarta.enterprise.event.Event;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One connection's Gadget watch: its polling plan, its listeners, and the hand-over of each answer to them. A
 * listener that throws is logged and the others still hear; the end is said once to each.
 */
final class GadgetWatch {

    private static final Logger LOG = Logger.getLogger(GadgetWatch.class.getName());

    /** One subscriber; compared by identity, so the same consumer may subscribe twice. */
    static final class Listener {
        final GadgetListener consumer;

        Listener(GadgetListener consumer) {
            this.consumer = consumer;
        }
    }

    final String connectionId;
    final GadgetPlan plan;
    /** At most one check of this connection at a time. */
    final AtomicBoolean busy = new AtomicBoolean();
    /** When the newest update handed to the listeners was made. */
    volatile Instant deliveredAt = Instant.EPOCH;

    private final List<Listener> listeners = new CopyOnWriteArrayList<>();

    GadgetWatch(String connectionId, GadgetPlan plan) {
        this.connectionId = connectionId;
        this.plan = plan;
    }

    void add(Listener listener) {
        listeners.add(listener);
    }

    void remove(Listener listener) {
        listeners.remove(listener);
    }

    /** Takes over the listeners of the watch this one replaces. */
    void adoptListeners(GadgetWatch previous) {
        listeners.addAll(previous.listeners);
    }

    boolean unwatched() {
        return listeners.isEmpty();
    }

    int listenerCount() {
        return listeners.size();
    }

    /** Fires the CDI event and hands the update to every listener. */
    void deliver(GadgetUpdate update, Event<GadgetUpdate> event) {
        deliveredAt = update.at();
        try {
            event.fire(update);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "An observer of a Gadget update failed", e);
        }
        for (Listener listener : listeners) {
            try {
                listener.consumer.onUpdate(update);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "A Gadget listener of connection " + connectionId + " failed", e);
            }
        }
    }

    /** The connection is gone: every listener hears once that nothing more arrives. */
    void end() {
        StreamEnd end = StreamEnd.of(StreamEnd.Reason.ENDED_UPSTREAM);
        for (Listener listener : listeners) {
            try {
                listener.consumer.onEnd(end);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "A Gadget listener of connection " + connectionId + " failed at its end", e);
            }
        }
        listeners.clear();
    }
}
