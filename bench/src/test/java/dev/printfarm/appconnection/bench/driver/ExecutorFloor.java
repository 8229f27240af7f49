package dev.printfarm.appconnection.bench.driver;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * A floor under a running Liberty server's default executor, as a configuration override that Liberty applies while it
 * runs ({@code configDropins/overrides}), taken away again by {@link #remove()}. fault-storm needs it on bench-sandbox,
 * which hosts the relay as well as the module (see docs/benchmarks.md, fault-storm); added only around that step,
 * the scenarios before it run with Liberty's self-tuned pool.
 */
final class ExecutorFloor {

    private static final String UPDATED = "CWWKG0017I";
    private static final String UNCHANGED = "CWWKG0018I";
    private static final Duration APPLY_WAIT = Duration.ofSeconds(30);

    private final Path file;
    private final Path log;

    private ExecutorFloor(Path file, Path log) {
        this.file = file;
        this.log = log;
    }

    /** Writes the override and waits until the server has read it. */
    static ExecutorFloor apply(Path serverDir, int coreThreads) throws IOException, InterruptedException {
        Path dir = serverDir.resolve("configDropins").resolve("overrides");
        Files.createDirectories(dir);
        ExecutorFloor floor = new ExecutorFloor(
                dir.resolve("bench-fault-storm-executor.xml"),
                serverDir.resolve("logs").resolve("messages.log"));
        long before = floor.updates();
        Files.writeString(
                floor.file,
                "<server>\n  <executor coreThreads=\"" + coreThreads + "\"/>\n</server>\n",
                StandardCharsets.UTF_8);
        floor.awaitUpdate(before);
        return floor;
    }

    /** Deletes the override and waits until the server has read that. */
    void remove() throws IOException, InterruptedException {
        long before = updates();
        if (Files.deleteIfExists(file)) {
            awaitUpdate(before);
        }
    }

    private void awaitUpdate(long before) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(APPLY_WAIT);
        while (updates() <= before) {
            if (Instant.now().isAfter(deadline)) {
                throw new IOException("the server did not read " + file.getFileName() + " within "
                        + APPLY_WAIT.toSeconds() + " s (no " + UPDATED + " in " + log + ")");
            }
            Thread.sleep(250);
        }
    }

    /** Configuration updates the server has logged so far (applied or found unchanged). */
    private long updates() throws IOException {
        if (!Files.exists(log)) {
            return 0;
        }
        try (var lines = Files.lines(log, StandardCharsets.UTF_8)) {
            return lines.filter(l -> l.contains(UPDATED) || l.contains(UNCHANGED))
                    .count();
        }
    }
}
