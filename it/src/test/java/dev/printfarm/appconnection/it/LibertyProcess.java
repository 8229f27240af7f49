package dev.printfarm.appconnection.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.TimeUnit;

/**
 * A Liberty server of the test build that a test starts, stops and kills itself ({@code wlp/bin/server start|stop},
 * SIGKILL through its pid file), as an operator would, rather than through Arquillian. The servers are created by
 * it/pom.xml.
 */
public final class LibertyProcess {

    private static final long ACTION_TIMEOUT_SECONDS = 180;

    private final String name;
    private final Path wlp = Path.of(System.getProperty("it.wlp", "target/liberty/wlp"));

    public LibertyProcess(String name) {
        this.name = name;
    }

    public String name() {
        return name;
    }

    /** The server's directory (its configuration and output). */
    public Path directory() {
        return wlp.resolve("usr/servers/" + name);
    }

    public Path messagesLog() {
        return directory().resolve("logs/messages.log");
    }

    /** Copies an application into the server's dropins under {@code fileName}. */
    public void drop(Path application, String fileName) {
        try {
            Path dropins = Files.createDirectories(directory().resolve("dropins"));
            Files.copy(application, dropins.resolve(fileName), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts the server and waits until the script says it has started (applications may still be starting). */
    public void start() {
        run("start");
    }

    public void stop() {
        run("stop");
    }

    /** SIGKILL: the server gets no chance to clean up. */
    public void kill() {
        Path pidFile = wlp.resolve("usr/servers/.pid/" + name + ".pid");
        try {
            long pid = Long.parseLong(Files.readString(pidFile).strip());
            ProcessHandle process =
                    ProcessHandle.of(pid).orElseThrow(() -> new AssertionError(name + " is not running"));
            process.destroyForcibly();
            process.onExit().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("could not kill " + name, e);
        }
    }

    /** The messages log as it is now; empty when the server never wrote one. */
    public String messages() {
        try {
            return Files.exists(messagesLog()) ? Files.readString(messagesLog()) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void run(String action) {
        Path script = wlp.resolve("bin/server");
        try {
            Process process = new ProcessBuilder(script.toString(), action, name)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            if (!process.waitFor(ACTION_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError(
                        "server " + action + " " + name + " took over " + ACTION_TIMEOUT_SECONDS + " s");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
