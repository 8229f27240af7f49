package dev.printfarm.appconnection.sandbox.appapi;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.atomic.LongAdder;

/**
 * OctoEverywhere's App APIs failing while the relay works: every App API request (Info, Live Links, Gadget, the
 * notification webhooks) is answered with one status, for every request or for the next {@code times} ones, before
 * the App API looks at it (see {@link AppApiFaultFilter}). Counts the requests answered that way since the start or the
 * last {@link #reset()}. Thread-safe.
 */
@ApplicationScoped
public class AppApiFault {

    /** One failure plan: {@code status} for every request, or for the next {@code times}. */
    public record Plan(int status, OptionalInt times) {
        public Plan {
            if (!allowed(status)) {
                throw new IllegalArgumentException("failWith must be an integer from 500 to 699, got " + status);
            }
            if (times.isPresent() && times.getAsInt() < 1) {
                throw new IllegalArgumentException("times must be at least 1, got " + times.getAsInt());
            }
        }

        /** OctoEverywhere's own trouble (5xx) or one of its codes (600..699). */
        public static boolean allowed(int status) {
            return status >= 500 && status <= 699;
        }
    }

    private final LongAdder failed = new LongAdder();
    private Plan plan;

    /** Replaces any plan going on; empty ends it. */
    public synchronized void set(Optional<Plan> next) {
        plan = next.orElse(null);
    }

    /** The plan going on, with what is left of its {@code times}. */
    public synchronized Optional<Plan> plan() {
        return Optional.ofNullable(plan);
    }

    /** The status to answer this request with, counted as failed; empty when the App API answers it as usual. */
    public synchronized OptionalInt take() {
        if (plan == null) {
            return OptionalInt.empty();
        }
        int status = plan.status();
        if (plan.times().isPresent()) {
            int left = plan.times().getAsInt() - 1;
            plan = left == 0 ? null : new Plan(status, OptionalInt.of(left));
        }
        failed.increment();
        return OptionalInt.of(status);
    }

    /** App API requests answered by a plan. */
    public long failed() {
        return failed.sum();
    }

    /** Ends the plan and forgets the count. */
    public synchronized void reset() {
        plan = null;
        failed.reset();
    }
}
