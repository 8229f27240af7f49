package dev.printfarm.appconnection.bench.storm;

import java.util.List;

/**
 * How long the relay as a whole was closed to calls: the sandbox's outage, and after it the time the module's
 * relay-wide breaker still refused calls (its calls fail at once, "nothing was sent", until it lets a probe through).
 * For the printers' breakers this is one fault: none can close while the relay refuses every call.
 */
public final class RelayPause {

    private RelayPause() {}

    /**
     * @param outage     when the sandbox refused relayed requests
     * @param horizon    how long after the outage a refusal by the relay's breaker still belongs to it
     * @param refusals   calls that the relay's breaker refused, start to end
     * @return the outage, extended to the end of the last refusal that started within it or the horizon after it
     */
    public static Window of(Window outage, long horizon, List<Window> refusals) {
        if (horizon < 0) {
            throw new IllegalArgumentException("horizon must not be negative: " + horizon);
        }
        long to = outage.to();
        for (Window r : refusals) {
            if (r.from() >= outage.from() && r.from() <= outage.to() + horizon) {
                to = Math.max(to, r.to());
            }
        }
        return new Window(outage.from(), to);
    }
}
