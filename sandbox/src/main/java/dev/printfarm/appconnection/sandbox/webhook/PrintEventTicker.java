package dev.printfarm.appconnection.sandbox.webhook;

import dev.printfarm.appconnection.sandbox.printer.EmulatedPrinter;
import dev.printfarm.appconnection.sandbox.printer.PrinterRegistry;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every {@link #TICK}, looks at the job of each printer that has a webhook registered and notifies the webhooks of
 * what changed (see {@link PrintWatcher}); printers without one cost nothing, however many there are. A printer
 * starts being watched when its first webhook is registered ({@link #watch}), so a change right after the
 * registration is not lost to the first look. Started with the application, on a daemon thread of its own.
 */
@ApplicationScoped
public class PrintEventTicker {

    public static final Duration TICK = Duration.ofMillis(250);
    private static final Logger LOG = Logger.getLogger(PrintEventTicker.class.getName());

    private final PrinterRegistry printers;
    private final Webhooks webhooks;
    private final PrintWatcher watcher = new PrintWatcher();
    private ScheduledExecutorService timer;

    protected PrintEventTicker() {
        this.printers = null;
        this.webhooks = null;
    }

    @Inject
    public PrintEventTicker(PrinterRegistry printers, Webhooks webhooks) {
        this.printers = printers;
        this.webhooks = webhooks;
    }

    void startWithTheApplication(@Observes @Initialized(ApplicationScoped.class) Object applicationStarted) {
        ClassLoader loader = PrintEventTicker.class.getClassLoader();
        synchronized (this) {
            if (timer != null) {
                return;
            }
            timer = Executors.newSingleThreadScheduledExecutor(task -> {
                Thread thread = new Thread(task, "sandbox-print-events");
                thread.setDaemon(true);
                thread.setContextClassLoader(loader);
                return thread;
            });
        }
        timer.scheduleWithFixedDelay(this::tickQuietly, TICK.toMillis(), TICK.toMillis(), TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    synchronized void stop() {
        if (timer != null) {
            timer.shutdownNow();
        }
    }

    /** One look at every printer with a webhook, in printer order; printers that lost theirs are no longer watched. */
    public void tick() {
        Instant now = printers.now();
        List<EmulatedPrinter> watched = webhooks.printersWithWebhooks().stream()
                .flatMap(printerId -> printers.find(printerId).stream())
                .sorted(Comparator.comparingInt(EmulatedPrinter::number))
                .toList();
        for (EmulatedPrinter printer : watched) {
            List<PrintEvent> events = watcher.observe(printer.id(), printer.octoPrintAt(now), now);
            if (!events.isEmpty()) {
                webhooks.notify(printer, events);
            }
        }
        watcher.retainOnly(webhooks::hasWebhook);
    }

    /**
     * A webhook was just registered for the printer: from now on its changes are notified. Takes note of where its
     * job stands unless it is already watched.
     */
    public void watch(EmulatedPrinter printer) {
        Instant now = printers.now();
        watcher.noteIfUnseen(printer.id(), printer.octoPrintAt(now), now);
    }

    /** How many printers are being watched now. */
    public int watching() {
        return watcher.watching();
    }

    /** After a reset: the next tick only takes note of where each printer stands. */
    public void forget() {
        watcher.forget();
    }

    private void tickQuietly() {
        try {
            tick();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Print event tick failed", e);
        }
    }
}
