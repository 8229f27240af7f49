package dev.printfarm.appconnection.sandbox.printer;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * One printer, behind the emulated relay and on the emulated LAN. Thread-safe: identity is immutable, the status and
 * the user API key are swapped atomically, the machine (job, heaters, host connection, toolhead, light, print
 * history) changes under this object's lock, files and G-code log lock themselves. Every face (OctoPrint, Moonraker,
 * the command API) reads and changes this one state.
 */
public final class EmulatedPrinter {

    /** Shared by every printer (SecureRandom is thread-safe): one seeded generator, not one per printer. */
    private static final SecureRandom API_KEYS = new SecureRandom();

    private static final Pattern API_KEY_SHAPE = Pattern.compile("[0-9A-F]{32}");

    private final int number;
    private final Clock clock;
    private final Instant bootedAt;
    private final PrinterControls initialControls;
    private final String id;
    private final String name;
    private final String lanIp;
    private final Optional<PrintSchedule> prints;
    private final Duration jobDuration;
    private final AtomicReference<PrinterStatus> status;
    private final FileStore files;
    private final GcodeLog gcode = new GcodeLog();
    private final LoginSessions sessions = new LoginSessions();
    private final PrintHistory history;
    private JobState job;
    private Heaters heaters;
    private boolean connected;
    private Toolhead toolhead;
    private boolean lightOn;
    private volatile String userApiKey;
    private volatile Runnable userApiKeyChanged = () -> {};

    /**
     * @param clock           when a job changes through {@link #changeJob} or {@link #setConnected}, for the print
     *                        history
     * @param initialControls what {@link #reset} restores, the kind included
     */
    EmulatedPrinter(
            int number,
            String name,
            String lanIp,
            Optional<PrintSchedule> prints,
            Clock clock,
            Duration jobDuration,
            long uploadLimitBytes,
            PrinterControls initialControls) {
        Instant connectedAt = clock.instant();
        this.number = number;
        this.clock = clock;
        this.bootedAt = connectedAt;
        this.initialControls = initialControls;
        this.history = new PrintHistory(prints);
        this.id = PrinterIds.forNumber(number);
        this.name = name;
        this.lanIp = lanIp;
        this.prints = prints;
        this.jobDuration = jobDuration;
        this.files = new FileStore(uploadLimitBytes);
        this.status =
                new AtomicReference<>(new PrinterStatus(initialControls, connectedAt, connectedAt.minusSeconds(3600)));
        resetOctoPrint(connectedAt);
    }

    public int number() {
        return number;
    }

    public String id() {
        return id;
    }

    public String name() {
        return name;
    }

    public String lanIp() {
        return lanIp;
    }

    public PrinterLimits limits() {
        return controls().limits();
    }

    public Duration jobDuration() {
        return jobDuration;
    }

    public FileStore files() {
        return files;
    }

    public GcodeLog gcode() {
        return gcode;
    }

    public LoginSessions sessions() {
        return sessions;
    }

    /**
     * The API key an operator made by hand in this OctoPrint (Settings → Application Keys): random per start (unless
     * {@link #restoreUserApiKey} brings back the one from before a restart), the LAN faces accept it like a key
     * issued through the portal.
     */
    public String userApiKey() {
        return userApiKey;
    }

    /** Replaces {@link #userApiKey()}; the old key is refused from the next request on. */
    public String newUserApiKey() {
        String key = randomApiKey();
        userApiKey = key;
        userApiKeyChanged.run();
        return key;
    }

    /**
     * Brings back the user API key this printer had before a restart, so that a client that stored it keeps getting
     * in. Refuses (without showing it) a key of another shape than the ones this printer makes.
     */
    public void restoreUserApiKey(String key) {
        if (!isApiKeyShaped(key)) {
            throw new IllegalArgumentException("A user API key is 32 upper-case hex digits");
        }
        userApiKey = key;
    }

    /** Whether {@code key} looks like the OctoPrint API keys the sandbox makes: 32 upper-case hex digits. */
    public static boolean isApiKeyShaped(String key) {
        return key != null && API_KEY_SHAPE.matcher(key).matches();
    }

    /** {@code listener} runs after the user API key changed (a new one, a reset); it must be quick. */
    void onUserApiKeyChange(Runnable listener) {
        userApiKeyChanged = Objects.requireNonNull(listener, "listener");
    }

    /**
     * Applies one job command atomically; the state stays as it was when the command is refused. A print the command
     * ends goes into the history as cancelled (or completed, when it had run out already).
     */
    public synchronized PrintJobs.Outcome changeJob(Function<JobState, PrintJobs.Outcome> command) {
        PrintJobs.Outcome outcome = command.apply(job);
        moveTo(outcome.state(), clock.instant(), JobEnding.CANCELLED);
        return outcome;
    }

    public synchronized void changeHeaters(UnaryOperator<Heaters> change) {
        heaters = change.apply(heaters);
    }

    public synchronized Heaters heaters() {
        return heaters;
    }

    /**
     * Disconnecting (OctoPrint's serial connection, Klipper's emergency stop) ends any job as failed, as it does on a
     * real printer.
     */
    public synchronized void setConnected(boolean connected, Instant now) {
        if (!connected) {
            JobState before = job;
            JobEnding ending = before.runAt(now).isPresent()
                    ? JobEnding.ERROR
                    : before instanceof JobState.Idle idle ? idle.ending() : JobEnding.NONE;
            moveTo(new JobState.Idle(before.file(now), ending), now, JobEnding.ERROR);
        }
        this.connected = connected;
    }

    public synchronized Toolhead toolhead() {
        return toolhead;
    }

    public synchronized void changeToolhead(UnaryOperator<Toolhead> change) {
        toolhead = change.apply(toolhead);
    }

    /** Whether the printer's one light (the command API's {@code chamber}) is on. */
    public synchronized boolean lightOn() {
        return lightOn;
    }

    public synchronized void setLight(boolean on) {
        lightOn = on;
    }

    /** Oldest first, the print in progress last; see {@link PrintHistory}. */
    public synchronized List<PrintHistory.Job> history(Instant now) {
        job = settled(now);
        return history.jobs(job, now);
    }

    /** The print that ended last, if any since the start or the last reset. */
    public synchronized Optional<PrintHistory.Job> lastEndedPrint(Instant now) {
        job = settled(now);
        return history.lastEnded(job, now);
    }

    /** When the printer "booted": Klipper's monotonic {@code eventtime} counts from here. */
    public Instant bootedAt() {
        return bootedAt;
    }

    /**
     * The print loop (odd-numbered printers), the seed file, heaters, serial connection, toolhead, light, print
     * history, G-code log, login sessions: as at start, with a new user API key.
     */
    public synchronized void resetOctoPrint(Instant now) {
        job = prints.<JobState>map(JobState.Looping::new).orElseGet(() -> new JobState.Idle(Optional.empty()));
        heaters = prints.isPresent() ? Heaters.PRINTING : Heaters.OFF;
        connected = true;
        toolhead = Toolhead.PARKED;
        lightOn = false;
        history.clear();
        files.reset(now);
        gcode.clear();
        sessions.clear();
        userApiKey = randomApiKey();
        userApiKeyChanged.run();
    }

    /** Controls and machine as at start, the kind included. */
    void reset(Instant now) {
        update(current -> initialControls, now);
        resetOctoPrint(now);
    }

    private void moveTo(JobState next, Instant now, JobEnding stopped) {
        history.transition(job, next, now, stopped);
        job = next;
    }

    private JobState settled(Instant now) {
        JobState next = PrintJobs.settle(job, now);
        if (next != job) {
            history.transition(job, next, now, JobEnding.COMPLETE);
        }
        return next;
    }

    public PrinterStatus status() {
        return status.get();
    }

    public PrinterControls controls() {
        return status.get().controls();
    }

    public PrinterStatus update(UnaryOperator<PrinterControls> change, Instant now) {
        return status.updateAndGet(current -> current.with(change.apply(current.controls()), now));
    }

    public synchronized OctoPrintState octoPrintAt(Instant now) {
        double phase = number * 1.7;
        Optional<OctoEverywherePlugin> plugin = controls().plugin()
                ? Optional.of(new OctoEverywherePlugin(OctoEverywherePlugin.VERSION, id))
                : Optional.empty();
        job = settled(now);
        Optional<PrintRun> run = job.runAt(now);
        boolean paused = job instanceof JobState.Paused;
        String text = !connected ? "Offline" : paused ? "Paused" : run.isPresent() ? "Printing" : "Operational";
        return new OctoPrintState(
                text,
                Temperature.of(heaters.tool0(), now, phase),
                Temperature.of(heaters.bed(), now, phase + 1),
                run,
                plugin,
                Temperature.of(heaters.chamber(), now, phase + 2),
                paused,
                connected,
                job.file(now),
                controls().octoprintVersion(),
                job instanceof JobState.Idle idle ? idle.ending() : JobEnding.NONE);
    }

    /** OctoPrint's own key shape, the same as the keys the portal issues: 32 upper-case hex digits. */
    private static String randomApiKey() {
        byte[] bytes = new byte[16];
        API_KEYS.nextBytes(bytes);
        return HexFormat.of().withUpperCase().formatHex(bytes);
    }

    @Override
    public String toString() {
        return "EmulatedPrinter[" + id + " " + name + " at " + lanIp + "]";
    }
}
