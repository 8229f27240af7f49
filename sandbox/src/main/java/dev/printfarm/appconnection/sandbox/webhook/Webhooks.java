package dev.printfarm.appconnection.sandbox.webhook;

import dev.printfarm.appconnection.sandbox.connection.AppConnection;
import dev.printfarm.appconnection.sandbox.connection.ConnectionRegistry;
import dev.printfarm.appconnection.sandbox.printer.EmulatedPrinter;
import dev.printfarm.appconnection.sandbox.web.BaseUrl;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sends notifications to the webhooks of a printer's App Connections: asynchronously, on a small bounded pool of the
 * sandbox's own (the server has no concurrency feature), each attempt logged in {@link WebhookLog}. Revoked
 * connections and registrations older than {@link WebhookRegistration#LIFETIME} get nothing.
 */
@ApplicationScoped
public class Webhooks {

    public static final int MAX_REPEAT = 100;
    static final int THREADS = 2;
    static final int QUEUE_CAPACITY = 1000;
    static final String QUEUE_FULL = "not sent: the sandbox's delivery queue is full";

    /** Where one notification went: the connections it was queued for, and those whose filter left it out. */
    public record Dispatch(List<String> queued, List<String> filteredOut) {}

    /** What a webhook answered: its status, or why there was none. */
    public record Outcome(OptionalInt status, Optional<String> error) {}

    private final ConnectionRegistry connections;
    private final WebhookRegistry registry;
    private final WebhookLog log;
    private final Clock clock;
    private final WebhookSender sender;
    private final Executor executor;
    private final ThreadPoolExecutor pool;

    protected Webhooks() {
        this.connections = null;
        this.registry = null;
        this.log = null;
        this.clock = null;
        this.sender = null;
        this.executor = null;
        this.pool = null;
    }

    @Inject
    public Webhooks(ConnectionRegistry connections, WebhookRegistry registry, WebhookLog log, Clock clock) {
        this(connections, registry, log, clock, new HttpWebhookSender(), newPool());
    }

    /** {@code executor} runs deliveries; a test may run them on the calling thread. */
    public Webhooks(
            ConnectionRegistry connections,
            WebhookRegistry registry,
            WebhookLog log,
            Clock clock,
            WebhookSender sender,
            Executor executor) {
        this.connections = connections;
        this.registry = registry;
        this.log = log;
        this.clock = clock;
        this.sender = sender;
        this.executor = executor;
        this.pool = executor instanceof ThreadPoolExecutor owned ? owned : null;
    }

    @PreDestroy
    void close() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }

    /** The printers with at least one registered webhook (revoked, expired or not): the ones worth watching. */
    public Set<String> printersWithWebhooks() {
        return registry.printerIds();
    }

    public boolean hasWebhook(String printerId) {
        return registry.anyFor(printerId);
    }

    /** The registrations of the printer's connections that receive notifications now, oldest connection first. */
    public List<WebhookRegistration> targets(String printerId) {
        List<WebhookRegistration> targets = new ArrayList<>();
        for (AppConnection connection : connections.forPrinter(printerId)) {
            if (!connections.isRevoked(connection.id())) {
                registry.find(connection.id())
                        .filter(registration -> !registration.expiredAt(clock.instant()))
                        .ifPresent(targets::add);
            }
        }
        return targets;
    }

    /** What the emulated printers did on their own, one delivery each, filters honoured. */
    public void notify(EmulatedPrinter printer, List<PrintEvent> events) {
        for (PrintEvent event : events) {
            notify(printer, event, JsonValue.EMPTY_JSON_OBJECT, 1, Optional.empty());
        }
    }

    /**
     * Queues {@code repeat} identical deliveries (one after the other) to each target whose filter admits the event;
     * {@code onlyConnection} narrows the targets to one connection.
     */
    public Dispatch notify(
            EmulatedPrinter printer,
            PrintEvent event,
            JsonObject overrides,
            int repeat,
            Optional<String> onlyConnection) {
        List<String> queued = new ArrayList<>();
        List<String> filteredOut = new ArrayList<>();
        for (WebhookRegistration target : targets(printer.id())) {
            if (onlyConnection.isPresent() && !onlyConnection.get().equals(target.connectionId())) {
                continue;
            }
            if (!target.admits(event.eventType())) {
                filteredOut.add(target.connectionId());
                continue;
            }
            String json = WebhookPayload.withOverrides(payload(printer, event, target), overrides)
                    .toString();
            queue(target, event.eventType(), json, repeat);
            queued.add(target.connectionId());
        }
        return new Dispatch(List.copyOf(queued), List.copyOf(filteredOut));
    }

    /** {@code TestWebhook}: sends a test notification right away, whatever the filter, and waits for the answer. */
    public Outcome test(EmulatedPrinter printer, WebhookRegistration target, PrintEvent event) {
        return send(
                log.generation(),
                target,
                event.eventType(),
                payload(printer, event, target).toString());
    }

    private static JsonObject payload(EmulatedPrinter printer, PrintEvent event, WebhookRegistration target) {
        return WebhookPayload.of(
                printer.id(), printer.name(), event, BaseUrl.userPrinterUrl(target.base(), printer.id()));
    }

    private void queue(WebhookRegistration target, int eventType, String json, int repeat) {
        long generation = log.generation();
        try {
            executor.execute(() -> {
                for (int i = 0; i < repeat && log.generation() == generation; i++) {
                    send(generation, target, eventType, json);
                }
            });
        } catch (RejectedExecutionException full) {
            record(generation, target, eventType, new Outcome(OptionalInt.empty(), Optional.of(QUEUE_FULL)));
        }
    }

    private Outcome send(long generation, WebhookRegistration target, int eventType, String json) {
        Outcome outcome;
        try {
            outcome = new Outcome(OptionalInt.of(sender.post(URI.create(target.url()), json)), Optional.empty());
        } catch (IOException | RuntimeException e) {
            outcome = new Outcome(OptionalInt.empty(), Optional.of(describe(e)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            outcome = new Outcome(OptionalInt.empty(), Optional.of("interrupted"));
        }
        record(generation, target, eventType, outcome);
        return outcome;
    }

    private void record(long generation, WebhookRegistration target, int eventType, Outcome outcome) {
        log.record(
                generation,
                new WebhookDelivery(
                        target.connectionId(),
                        target.printerId(),
                        target.maskedUrl(),
                        eventType,
                        outcome.status(),
                        outcome.error(),
                        clock.instant()));
    }

    private static String describe(Exception e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null || message.isBlank() ? "" : ": " + message);
    }

    private static ThreadPoolExecutor newPool() {
        AtomicInteger count = new AtomicInteger();
        ClassLoader loader = Webhooks.class.getClassLoader();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(
                THREADS, THREADS, 30, TimeUnit.SECONDS, new ArrayBlockingQueue<>(QUEUE_CAPACITY), task -> {
                    Thread thread = new Thread(task, "sandbox-webhooks-" + count.incrementAndGet());
                    thread.setDaemon(true);
                    thread.setContextClassLoader(loader);
                    return thread;
                });
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }
}
