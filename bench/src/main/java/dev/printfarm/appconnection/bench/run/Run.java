package dev.printfarm.appconnection.bench.run;

import java.util.ArrayList;
import java.util.List;

/** One started step: its notes so far and how it ended. Thread-safe. */
public final class Run implements Progress {

    public enum State {
        RUNNING,
        DONE,
        FAILED
    }

    private final String id;
    private final String step;
    private final List<String> lines = new ArrayList<>();
    private State state = State.RUNNING;

    Run(String id, String step) {
        this.id = id;
        this.step = step;
    }

    public String id() {
        return id;
    }

    public String step() {
        return step;
    }

    @Override
    public synchronized void note(String line) {
        lines.add(line.replace('\n', ' '));
    }

    synchronized void finish(State end, String line) {
        lines.add(line.replace('\n', ' '));
        state = end;
    }

    public synchronized State state() {
        return state;
    }

    /** The state on the first line, then every note and, once finished, the outcome (or the failure) last. */
    public synchronized String text() {
        StringBuilder text = new StringBuilder(state.name()).append('\n');
        lines.forEach(line -> text.append(line).append('\n'));
        return text.toString();
    }
}
