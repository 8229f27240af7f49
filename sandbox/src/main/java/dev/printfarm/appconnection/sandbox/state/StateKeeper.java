package dev.printfarm.appconnection.sandbox.state;

import dev.printfarm.appconnection.sandbox.config.SandboxSettings;
import dev.printfarm.appconnection.sandbox.connection.AppConnection;
import dev.printfarm.appconnection.sandbox.connection.ConnectionRegistry;
import dev.printfarm.appconnection.sandbox.printer.PrinterRegistry;
import dev.printfarm.appconnection.sandbox.webhook.WebhookRegistration;
import dev.printfarm.appconnection.sandbox.webhook.WebhookRegistry;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * Keeps what a client holding an App Connection relies on across a restart of the server, as OctoEverywhere keeps it:
 * the connections with their secrets, their revocations and webhook registrations, and each printer's user API key
 * (a client may have stored it to reach the printer on the LAN). All of it lives in {@link #FILE_NAME} under
 * {@code sandbox.state-dir}; without that key nothing is read or written. The file is taken back at the start, before
 * any request, and rewritten after every change (a reset included) by one background writer. A connection whose
 * printer is gone (fewer {@code sandbox.printers} than before) is kept and answers 604, as OctoEverywhere's does for
 * a removed printer; the user API key of such a printer is dropped. Printer ids do not change from one start to the
 * next (they derive from the printer's number), so everything else finds its printer again.
 */
@ApplicationScoped
public class StateKeeper {

    public static final String FILE_NAME = "connections.json";

    /**
     * The writer looks for changes this often. Changes are written by it, not by the thread making them: a bench
     * creating 10,000 connections would otherwise rewrite a file growing to megabytes 10,000 times over, and every
     * portal run would wait for the disk. So a burst of changes costs one write, and a change is on disk within about
     * this long; {@link #stop()} writes the last ones.
     */
    static final Duration WRITE_INTERVAL = Duration.ofMillis(200);

    private static final Duration STOP_WAIT = Duration.ofSeconds(10);
    private static final Logger LOG = Logger.getLogger(StateKeeper.class.getName());

    private final Optional<StateFile> file;
    private final ConnectionRegistry connections;
    private final WebhookRegistry webhooks;
    private final PrinterRegistry printers;
    private final AtomicBoolean dirty = new AtomicBoolean();
    private boolean loaded;
    private boolean writable;
    private boolean failing;
    private ScheduledExecutorService writer;

    protected StateKeeper() {
        this.file = null;
        this.connections = null;
        this.webhooks = null;
        this.printers = null;
    }

    @Inject
    public StateKeeper(
            SandboxSettings settings,
            ConnectionRegistry connections,
            WebhookRegistry webhooks,
            PrinterRegistry printers,
            Clock clock) {
        this(
                settings.stateDir().map(dir -> new StateFile(dir.resolve(FILE_NAME), StateFile.MAX_BYTES, clock)),
                connections,
                webhooks,
                printers);
    }

    /** {@code file} none: nothing is kept. */
    StateKeeper(
            Optional<StateFile> file,
            ConnectionRegistry connections,
            WebhookRegistry webhooks,
            PrinterRegistry printers) {
        this.file = file;
        this.connections = connections;
        this.webhooks = webhooks;
        this.printers = printers;
    }

    void startWithTheApplication(@Observes @Initialized(ApplicationScoped.class) Object applicationStarted) {
        load();
        startWriter();
    }

    /** Where the state is kept, if anywhere. */
    public Optional<Path> path() {
        return file.map(StateFile::path);
    }

    /**
     * Takes back what the file kept, then notes every change. A file that cannot be read, or not whole, is moved
     * aside with one warning, and the sandbox starts with what could be read of it. Fails only when the directory
     * cannot be used: that is a configuration error. Once; later calls do nothing.
     */
    synchronized void load() {
        if (file.isEmpty() || loaded) {
            return;
        }
        loaded = true;
        StateFile state = file.get();
        try {
            if (state.prepare()) {
                LOG.info(() -> "Removed " + state.temp() + ", left half-written when the server stopped during a "
                        + "write; " + state.path() + " is the last complete state");
            }
        } catch (IOException e) {
            throw new IllegalStateException(
                    "sandbox.state-dir: the sandbox cannot keep " + state.path() + " there (" + e + ")", e);
        }
        Read read = read(state);
        SandboxState kept = restore(read.state());
        writable = true;
        read.problem().ifPresent(problem -> setAside(state, problem, kept));
        connections.onChange(this::changed);
        webhooks.onChange(this::changed);
        printers.onUserApiKeyChange(this::changed);
        // Written once now: the printers' user API keys are new when the file had none for them, and what was set
        // aside must not be lost to a stop before the first change.
        changed();
        LOG.info(() -> "Keeping the sandbox's App Connections in " + state.path() + "; took back " + taken(kept));
    }

    /** Starts the background writer; does nothing without a state file or once started. */
    synchronized void startWriter() {
        if (file.isEmpty() || writer != null) {
            return;
        }
        ClassLoader loader = StateKeeper.class.getClassLoader();
        writer = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "sandbox-state-writer");
            thread.setDaemon(true);
            thread.setContextClassLoader(loader);
            return thread;
        });
        writer.scheduleWithFixedDelay(
                this::flush, WRITE_INTERVAL.toMillis(), WRITE_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Writes the state when it changed since the last write. A failed write is tried again at the next look, with a
     * warning the first time and a note when it works again.
     */
    synchronized void flush() {
        if (!writable || !dirty.getAndSet(false)) {
            return;
        }
        StateFile state = file.orElseThrow();
        try {
            state.write(StateJson.encode(snapshot()));
            if (failing) {
                failing = false;
                LOG.info(() -> "Writing " + state.path() + " works again");
            }
        } catch (IOException | RuntimeException e) {
            dirty.set(true);
            if (!failing) {
                failing = true;
                LOG.warning("Could not write " + state.path() + " ("
                        + (e instanceof IOException
                                ? e.toString()
                                : e.getClass().getName())
                        + "); trying again every " + WRITE_INTERVAL.toMillis() + " ms");
            }
        }
    }

    /** Stops the writer, then writes what it had not written yet. */
    @PreDestroy
    void stop() {
        ScheduledExecutorService running;
        synchronized (this) {
            running = writer;
            writer = null;
        }
        if (running != null) {
            running.shutdown();
            try {
                running.awaitTermination(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        flush();
    }

    /** What the registries hold now. */
    SandboxState snapshot() {
        List<AppConnection> all = connections.all();
        Set<String> revoked = all.stream()
                .map(AppConnection::id)
                .filter(connections::isRevoked)
                .collect(Collectors.toSet());
        Map<String, String> userApiKeys = new LinkedHashMap<>();
        printers.all().forEach(printer -> userApiKeys.put(printer.id(), printer.userApiKey()));
        return new SandboxState(all, revoked, webhooks.all(), userApiKeys);
    }

    private void changed() {
        dirty.set(true);
    }

    private record Read(SandboxState state, Optional<String> problem) {}

    private static Read read(StateFile state) {
        try {
            Optional<String> text = state.read();
            if (text.isEmpty()) {
                return new Read(SandboxState.EMPTY, Optional.empty());
            }
            StateJson.Decoded decoded = StateJson.decode(text.get());
            return new Read(decoded.state(), decoded.problem());
        } catch (StateFile.Unreadable e) {
            return new Read(SandboxState.EMPTY, Optional.of(e.getMessage()));
        } catch (RuntimeException e) {
            // Whatever a hostile file makes the parser throw must not stop the start; its message may quote it.
            return new Read(
                    SandboxState.EMPTY,
                    Optional.of("it could not be read (" + e.getClass().getName() + ")"));
        }
    }

    /** Puts back what was read; what it could put back. */
    private SandboxState restore(SandboxState read) {
        List<AppConnection> restored = read.connections().stream()
                .filter(connection ->
                        connections.restore(connection, read.revoked().contains(connection.id())))
                .toList();
        Set<String> restoredIds = restored.stream().map(AppConnection::id).collect(Collectors.toSet());
        List<WebhookRegistration> registered = read.webhooks().stream()
                .filter(webhook -> restoredIds.contains(webhook.connectionId()))
                .toList();
        registered.forEach(webhooks::register);
        Map<String, String> userApiKeys = new LinkedHashMap<>();
        read.userApiKeys()
                .forEach((printerId, key) -> printers.find(printerId).ifPresent(printer -> {
                    printer.restoreUserApiKey(key);
                    userApiKeys.put(printerId, key);
                }));
        Set<String> revoked =
                read.revoked().stream().filter(restoredIds::contains).collect(Collectors.toSet());
        return new SandboxState(restored, revoked, registered, userApiKeys);
    }

    private void setAside(StateFile state, String problem, SandboxState kept) {
        String what = "Could not read all of " + state.path() + ": " + problem + ". Took back " + taken(kept);
        try {
            Path aside = state.moveAside();
            LOG.warning(what + "; the file is now " + aside + ", for a look");
        } catch (IOException e) {
            writable = false;
            LOG.warning(what + "; it could not be moved aside (" + e + "), so the sandbox will not write over it "
                    + "until the next start");
        }
    }

    private static String taken(SandboxState kept) {
        return counted(kept.connections().size(), "connection") + " ("
                + kept.revoked().size() + " revoked) and "
                + counted(kept.webhooks().size(), "webhook");
    }

    private static String counted(int count, String noun) {
        return count + " " + noun + (count == 1 ? "" : "s");
    }
}
