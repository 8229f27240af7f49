package dev.printfarm.appconnection.sandbox.printer;

import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;

/**
 * One printer, behind the emulated relay and on the emulated LAN. Thread-safe: identity is immutable, the status is
 * swapped atomically.
 */
public final class EmulatedPrinter {

    private static final double TOOL_TARGET = 215.0;
    private static final double BED_TARGET = 60.0;

    private final int number;
    private final String id;
    private final String name;
    private final String lanIp;
    private final Optional<PrintSchedule> prints;
    private final PrinterLimits limits;
    private final AtomicReference<PrinterStatus> status;

    EmulatedPrinter(int number, String name, String lanIp, Optional<PrintSchedule> prints, Instant connectedAt) {
        this.number = number;
        this.id = PrinterIds.forNumber(number);
        this.name = name;
        this.lanIp = lanIp;
        this.prints = prints;
        this.limits = PrinterLimits.DEFAULT;
        this.status = new AtomicReference<>(
                new PrinterStatus(PrinterControls.NORMAL, connectedAt, connectedAt.minusSeconds(3600)));
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
        return limits;
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

    public OctoPrintState octoPrintAt(Instant now) {
        double phase = number * 1.7;
        Optional<OctoEverywherePlugin> plugin = controls().plugin()
                ? Optional.of(new OctoEverywherePlugin(OctoEverywherePlugin.VERSION, id))
                : Optional.empty();
        if (prints.isEmpty()) {
            return new OctoPrintState("Operational",
                    Temperature.around(0, now, phase), Temperature.around(0, now, phase + 1), Optional.empty(), plugin);
        }
        return new OctoPrintState("Printing",
                Temperature.around(TOOL_TARGET, now, phase), Temperature.around(BED_TARGET, now, phase + 1),
                Optional.of(prints.get().runAt(now)), plugin);
    }

    @Override
    public String toString() {
        return "EmulatedPrinter[" + id + " " + name + "]";
    }
}
