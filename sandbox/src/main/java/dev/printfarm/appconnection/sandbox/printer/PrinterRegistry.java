package dev.printfarm.appconnection.sandbox.printer;

import dev.printfarm.appconnection.sandbox.config.SandboxSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.logging.Logger;

/**
 * The emulated printers, created once at start; odd-numbered ones print, even-numbered ones idle. Each has its own
 * LAN address ({@link LanAddresses}) unless {@code sandbox.lan-ip} gives all of them the same one.
 */
@ApplicationScoped
public class PrinterRegistry {

    private static final Logger LOG = Logger.getLogger(PrinterRegistry.class.getName());
    private static final List<String> MODELS = List.of("Prusa MK4", "Voron 2.4", "Ender 3", "Prusa MINI+");

    private final Clock clock;
    private final List<EmulatedPrinter> printers;

    protected PrinterRegistry() {
        this.clock = null;
        this.printers = null;
    }

    @Inject
    public PrinterRegistry(SandboxSettings settings, Clock clock) {
        this.clock = clock;
        Instant start = clock.instant();
        List<EmulatedPrinter> created = new ArrayList<>();
        for (int number = 1; number <= settings.printers(); number++) {
            String name = MODELS.get((number - 1) % MODELS.size()) + " #" + number;
            Optional<PrintSchedule> prints = number % 2 == 1
                    ? Optional.of(new PrintSchedule(start, settings.jobDuration()))
                    : Optional.empty();
            String lanIp = settings.lanIp().orElse(LanAddresses.forNumber(number));
            created.add(new EmulatedPrinter(number, name, lanIp, prints, start, settings.jobDuration(),
                    settings.uploadLimitBytes()));
        }
        this.printers = List.copyOf(created);
    }

    /** Creates the registry at deployment, so bad configuration fails the start and the prints start then too. */
    void startWithTheApplication(@Observes @Initialized(ApplicationScoped.class) Object applicationStarted) {
        LOG.info(() -> "Emulating " + printers.size() + " printers: " + printers);
    }

    public Instant now() {
        return clock.instant();
    }

    public List<EmulatedPrinter> all() {
        return printers;
    }

    public Optional<EmulatedPrinter> find(String printerId) {
        return printers.stream().filter(printer -> printer.id().equals(printerId)).findFirst();
    }

    /** The printers reporting this LAN address: one, none, or all of them when {@code sandbox.lan-ip} is set. */
    public List<EmulatedPrinter> withLanIp(String lanIp) {
        return printers.stream().filter(printer -> printer.lanIp().equals(lanIp)).toList();
    }

    public Optional<PrinterStatus> update(String printerId, UnaryOperator<PrinterControls> change) {
        return find(printerId).map(printer -> printer.update(change, now()));
    }

    public void resetControls() {
        Instant now = now();
        printers.forEach(printer -> {
            printer.update(current -> PrinterControls.NORMAL, now);
            printer.resetOctoPrint(now);
        });
    }
}
