package dev.printfarm.appconnection.sandbox.printer;

import dev.printfarm.appconnection.sandbox.config.SandboxSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * The emulated printers, created once at start; odd-numbered ones print, even-numbered ones idle. Each has its own
 * LAN address ({@link LanAddresses}) unless {@code sandbox.lan-ip} gives all of them the same one. Looking a printer
 * up by id or LAN address does not depend on how many there are (up to {@link SandboxSettings#MAX_PRINTERS}).
 */
@ApplicationScoped
public class PrinterRegistry {

    private static final Logger LOG = Logger.getLogger(PrinterRegistry.class.getName());
    private static final List<String> MODELS = List.of("Prusa MK4", "Voron 2.4", "Ender 3", "Prusa MINI+");
    private static final int LOGGED_BY_NAME = 10;

    private final Clock clock;
    private final PrinterControls initialControls;
    private final List<EmulatedPrinter> printers;
    private final Map<String, EmulatedPrinter> byId;
    private final Map<String, List<EmulatedPrinter>> byLanIp;

    protected PrinterRegistry() {
        this.clock = null;
        this.initialControls = null;
        this.printers = null;
        this.byId = null;
        this.byLanIp = null;
    }

    @Inject
    public PrinterRegistry(SandboxSettings settings, Clock clock) {
        this.clock = clock;
        this.initialControls = PrinterControls.NORMAL.withLatencyMs(settings.latencyMs());
        Instant start = clock.instant();
        List<EmulatedPrinter> created = new ArrayList<>(settings.printers());
        Map<String, EmulatedPrinter> ids = new HashMap<>();
        Map<String, List<EmulatedPrinter>> lanIps = new HashMap<>();
        for (int number = 1; number <= settings.printers(); number++) {
            String name = MODELS.get((number - 1) % MODELS.size()) + " #" + number;
            Optional<PrintSchedule> prints =
                    number % 2 == 1 ? Optional.of(new PrintSchedule(start, settings.jobDuration())) : Optional.empty();
            String lanIp = settings.lanIp().orElse(LanAddresses.forNumber(number));
            EmulatedPrinter printer = new EmulatedPrinter(
                    number,
                    name,
                    lanIp,
                    prints,
                    clock,
                    settings.jobDuration(),
                    settings.uploadLimitBytes(),
                    initialControls.withKind(settings.kindOf(number)));
            if (ids.put(printer.id(), printer) != null) {
                throw new IllegalStateException("Two printers share the id " + printer.id() + "; printer " + number);
            }
            lanIps.computeIfAbsent(lanIp, ip -> new ArrayList<>()).add(printer);
            created.add(printer);
        }
        this.printers = List.copyOf(created);
        this.byId = Map.copyOf(ids);
        this.byLanIp = lanIps.entrySet().stream()
                .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, entry -> List.copyOf(entry.getValue())));
    }

    /** Creates the registry at deployment, so bad configuration fails the start and the prints start then too. */
    void startWithTheApplication(@Observes @Initialized(ApplicationScoped.class) Object applicationStarted) {
        LOG.info(() -> "Emulating " + printers.size() + " printers: "
                + printers.stream().limit(LOGGED_BY_NAME).map(String::valueOf).collect(Collectors.joining(", "))
                + (printers.size() > LOGGED_BY_NAME ? ", …" : ""));
    }

    public Instant now() {
        return clock.instant();
    }

    public List<EmulatedPrinter> all() {
        return printers;
    }

    public Optional<EmulatedPrinter> find(String printerId) {
        return Optional.ofNullable(byId.get(printerId));
    }

    /** The printers reporting this LAN address: one, none, or all of them when {@code sandbox.lan-ip} is set. */
    public List<EmulatedPrinter> withLanIp(String lanIp) {
        return byLanIp.getOrDefault(lanIp, List.of());
    }

    /**
     * What every printer's controls are at start and after {@link #resetControls()}, but for its kind, which
     * {@code sandbox.printer-kinds} gives each printer.
     */
    public PrinterControls initialControls() {
        return initialControls;
    }

    public Optional<PrinterStatus> update(String printerId, UnaryOperator<PrinterControls> change) {
        return find(printerId).map(printer -> printer.update(change, now()));
    }

    /** Applies one change to every printer, in order; each printer's controls change atomically. */
    public void updateAll(UnaryOperator<PrinterControls> change) {
        Instant now = now();
        printers.forEach(printer -> printer.update(change, now));
    }

    public void resetControls() {
        Instant now = now();
        printers.forEach(printer -> printer.reset(now));
    }

    /**
     * {@code listener} runs whenever a printer's user API key changes ({@link EmulatedPrinter#newUserApiKey()}, a
     * reset), on the changing thread; it must be quick. One listener: the last one given.
     */
    public void onUserApiKeyChange(Runnable listener) {
        printers.forEach(printer -> printer.onUserApiKeyChange(listener));
    }
}
