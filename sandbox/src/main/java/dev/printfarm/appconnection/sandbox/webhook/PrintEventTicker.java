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
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Looks at every emulated printer's job every {@link #TICK} and notifies the webhooks of what changed (see
 * {@link PrintWatcher}). Started with the application, on a daemon thread of its own.
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

    /** One look at every printer. */
    public void tick() {
        Instant now = printers.now();
        for (EmulatedPrinter printer : printers.all()) {
            List<PrintEvent> events = watcher.observe(printer.id(), printer.octoPrintAt(now), now);
            if (!events.isEmpty()) {
                webhooks.notify(printer, events);
            }
        }
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
