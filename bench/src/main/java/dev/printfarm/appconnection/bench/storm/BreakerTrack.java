package dev.printfarm.appconnection.bench.storm;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * One printer's circuit breaker as seen by sampling its state now and then: the runs of {@code OPEN} samples
 * (openings) and the episodes from the first opening to the first {@code CLOSED} sample after it (an episode holds
 * several openings when a probe failed in between). Times are those of the samples, so each edge is known to within
 * one sampling interval. Samples must come in time order. Not thread-safe.
 */
public final class BreakerTrack {

    public enum State {
        CLOSED,
        OPEN,
        HALF_OPEN
    }

    /** A run of OPEN samples: from the first of them to the first sample after it that was not OPEN. */
    public record Opening(long from, OptionalLong to) {

        public OptionalLong millis() {
            return to.isPresent() ? OptionalLong.of(to.getAsLong() - from) : OptionalLong.empty();
        }
    }

    /** From a breaker's opening to the first sample that saw it closed again (empty while it was not seen closed). */
    public record Episode(List<Opening> openings, OptionalLong closedAt) {

        public Episode {
            openings = List.copyOf(openings);
            if (openings.isEmpty()) {
                throw new IllegalArgumentException("an episode starts with an opening");
            }
        }

        public long openedAt() {
            return openings.get(0).from();
        }

        public Opening last() {
            return openings.get(openings.size() - 1);
        }
    }

    /** A sampled change of state: when it was first seen, and the state it changed to. */
    public record Change(long at, State state) {}

    private final List<Episode> episodes = new ArrayList<>();
    private final List<Change> changes = new ArrayList<>();
    private final List<Opening> current = new ArrayList<>();
    private State last = State.CLOSED;
    private long openFrom;
    private long lastAt = Long.MIN_VALUE;
    private int unseenOpenings;

    public void sample(long at, State state) {
        if (at < lastAt) {
            throw new IllegalArgumentException("samples must come in time order: " + at + " after " + lastAt);
        }
        lastAt = at;
        if (state == State.OPEN && last != State.OPEN) {
            openFrom = at;
        } else if (state != State.OPEN && last == State.OPEN) {
            current.add(new Opening(openFrom, OptionalLong.of(at)));
        } else if (state == State.HALF_OPEN && last == State.CLOSED) {
            // Opened and went half-open between two samples: an opening shorter than the interval, never seen.
            unseenOpenings++;
        }
        if (state != last) {
            changes.add(new Change(at, state));
        }
        if (state == State.CLOSED && !current.isEmpty()) {
            episodes.add(new Episode(current, OptionalLong.of(at)));
            current.clear();
        }
        last = state;
    }

    /** Every episode so far, the one still going (not seen closed) last, its last opening possibly still open. */
    public List<Episode> episodes() {
        List<Episode> all = new ArrayList<>(episodes);
        List<Opening> going = new ArrayList<>(current);
        if (last == State.OPEN) {
            going.add(new Opening(openFrom, OptionalLong.empty()));
        }
        if (!going.isEmpty()) {
            all.add(new Episode(going, OptionalLong.empty()));
        }
        return all;
    }

    /** Every change of the sampled state so far, oldest first (the breaker starts closed). */
    public List<Change> changes() {
        return List.copyOf(changes);
    }

    /** Openings that began and ended between two samples: only a HALF_OPEN sample right after a CLOSED one shows them. */
    public int unseenOpenings() {
        return unseenOpenings;
    }
}
