package dev.printfarm.appconnection.sandbox.printer;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * One printer, behind the emulated relay and on the emulated LAN. Thread-safe: identity is immutable, the status and
 * the user API key are swapped atomically, the OctoPrint side (job, heaters, serial connection) changes under this
 * object's lock, files and G-code log lock themselves.
 */
public final class EmulatedPrinter {

    /** Shared by every printer (SecureRandom is thread-safe): one seeded generator, not one per printer. */
    private static final SecureRandom API_KEYS = new SecureRandom();

    private final int number;
    private final String id;
    private final String name;
    private final String lanIp;
    private final Optional<PrintSchedule> prints;
    private final Duration jobDuration;
    private final AtomicReference<PrinterStatus> status;
    private final FileStore files;
    private final GcodeLog gcode = new GcodeLog();
    private final LoginSessions sessions = new LoginSessions();
    private JobState job;
    private Heaters heaters;
    private boolean connected;
    private volatile String userApiKey;

    EmulatedPrinter(int number, String name, String lanIp, Optional<PrintSchedule> prints, Instant connectedAt,
                    Duration jobDuration, long uploadLimitBytes, PrinterControls initialControls) {
        this.number = number;
        this.id = PrinterIds.forNumber(number);
        this.name = name;
        this.lanIp = lanIp;
        this.prints = prints;
        this.jobDuration = jobDuration;
        this.files = new FileStore(uploadLimitBytes);
        this.status = new AtomicReference<>(
                new PrinterStatus(initialControls, connectedAt, connectedAt.minusSeconds(3600)));
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
     * The API key an operator made by hand in this OctoPrint (Settings → Application Keys): random per start, the
     * LAN faces accept it like a key issued through the portal.
     */
    public String userApiKey() {
        return userApiKey;
    }

    /** Replaces {@link #userApiKey()}; the old key is refused from the next request on. */
    public String newUserApiKey() {
        String key = randomApiKey();
        userApiKey = key;
        return key;
    }

    /** Applies one job command atomically; the state stays as it was when the command is refused. */
    public synchronized PrintJobs.Outcome changeJob(Function<JobState, PrintJobs.Outcome> command) {
        PrintJobs.Outcome outcome = command.apply(job);
        job = outcome.state();
        return outcome;
    }

    public synchronized void changeHeaters(UnaryOperator<Heaters> change) {
        heaters = change.apply(heaters);
    }

    /** Disconnecting ends any job, as it does on a real printer. */
    public synchronized void setConnected(boolean connected, Instant now) {
        if (!connected) {
            job = new JobState.Idle(job.file(now));
        }
        this.connected = connected;
    }

    /**
     * The print loop (odd-numbered printers), the seed file, heaters, serial connection, G-code log, login sessions:
     * as at start, with a new user API key.
     */
    public synchronized void resetOctoPrint(Instant now) {
        job = prints.<JobState>map(JobState.Looping::new).orElseGet(() -> new JobState.Idle(Optional.empty()));
        heaters = prints.isPresent() ? Heaters.PRINTING : Heaters.OFF;
        connected = true;
        files.reset(now);
        gcode.clear();
        sessions.clear();
        userApiKey = randomApiKey();
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
        job = PrintJobs.settle(job, now);
        Optional<PrintRun> run = job.runAt(now);
        boolean paused = job instanceof JobState.Paused;
        String text = !connected ? "Offline" : paused ? "Paused" : run.isPresent() ? "Printing" : "Operational";
        return new OctoPrintState(text, Temperature.of(heaters.tool0(), now, phase),
                Temperature.of(heaters.bed(), now, phase + 1), run, plugin,
                Temperature.of(heaters.chamber(), now, phase + 2), paused, connected, job.file(now),
                controls().octoprintVersion());
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
