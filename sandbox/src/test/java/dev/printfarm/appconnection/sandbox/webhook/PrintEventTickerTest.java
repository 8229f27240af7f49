package dev.printfarm.appconnection.sandbox.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.printfarm.appconnection.sandbox.MutableClock;
import dev.printfarm.appconnection.sandbox.config.SandboxSettings;
import dev.printfarm.appconnection.sandbox.connection.AppConnection;
import dev.printfarm.appconnection.sandbox.connection.ConnectionRegistry;
import dev.printfarm.appconnection.sandbox.printer.EmulatedPrinter;
import dev.printfarm.appconnection.sandbox.printer.PrintJobs;
import dev.printfarm.appconnection.sandbox.printer.PrinterRegistry;
import jakarta.json.Json;
import java.io.StringReader;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PrintEventTickerTest {

    private final MutableClock clock = MutableClock.at("2026-11-28T10:00:00Z");
    private final PrinterRegistry printers = new PrinterRegistry(
            new SandboxSettings(2, Optional.empty(), Duration.ofSeconds(100), Optional.empty(), 0), clock);
    private final ConnectionRegistry connections = new ConnectionRegistry(clock);
    private final WebhookRegistry registry = new WebhookRegistry();
    private final RecordingSender sender = new RecordingSender();
    private final Webhooks webhooks =
            new Webhooks(connections, registry, new WebhookLog(), clock, sender, Runnable::run);
    private final PrintEventTicker ticker = new PrintEventTicker(printers, webhooks);
    private final EmulatedPrinter looping = printers.all().get(0);

    @Test
    void theLoopingPrinterNotifiesProgressCompletionAndTheNextStartThroughTheFilter() {
        AppConnection connection = connections.create(looping.id(), "devtest", "http://h/relay", false);
        registry.register(WebhookRegistration.of(
                connection.id(),
                looping.id(),
                "http://localhost:1/hook",
                Set.of(1, 2, 6),
                clock.instant(),
                "http://h"));

        ticker.tick();
        for (int second = 1; second <= 101; second++) {
            clock.advance(Duration.ofSeconds(1));
            ticker.tick();
        }

        List<Integer> types = sender.sent.stream()
                .map(sent -> Json.createReader(new StringReader(sent.json()))
                        .readObject()
                        .getInt("EventType"))
                .toList();
        assertEquals(List.of(6, 6, 6, 6, 6, 6, 6, 6, 6, 2, 1), types);
    }

    @Test
    void afterForgetNothingIsNotifiedForWhatChangedMeanwhile() {
        AppConnection connection = connections.create(looping.id(), "devtest", "http://h/relay", false);
        registry.register(WebhookRegistration.of(
                connection.id(), looping.id(), "http://localhost:1/hook", Set.of(), clock.instant(), "http://h"));
        ticker.tick();

        clock.advance(Duration.ofSeconds(150));
        ticker.forget();
        ticker.tick();

        assertEquals(List.of(), sender.sent);
    }

    @Test
    void printersWithoutAWebhookAreNotLookedAt() {
        ticker.tick();
        assertEquals(0, ticker.watching());

        AppConnection connection = register(looping);
        ticker.tick();
        assertEquals(1, ticker.watching());

        registry.delete(connection.id());
        ticker.tick();
        assertEquals(0, ticker.watching());
    }

    @Test
    void aChangeRightAfterTheRegistrationIsNotifiedAtTheNextLook() {
        register(looping);
        ticker.watch(looping);

        looping.changeJob(job -> PrintJobs.cancel(job, clock.instant()));
        clock.advance(Duration.ofMillis(100));
        ticker.tick();

        assertEquals(List.of(3), eventTypes());
    }

    @Test
    void aPrinterThatLostItsWebhookStartsAfreshWhenItGetsOneAgain() {
        AppConnection connection = register(looping);
        ticker.tick();
        registry.delete(connection.id());
        ticker.tick();

        looping.changeJob(job -> PrintJobs.cancel(job, clock.instant()));
        clock.advance(Duration.ofSeconds(1));
        register(looping);
        ticker.watch(looping);
        ticker.tick();

        assertEquals(List.of(), eventTypes());
    }

    private AppConnection register(EmulatedPrinter printer) {
        AppConnection connection = connections.create(printer.id(), "devtest", "http://h/relay", false);
        registry.register(WebhookRegistration.of(
                connection.id(), printer.id(), "http://localhost:1/hook", Set.of(), clock.instant(), "http://h"));
        return connection;
    }

    private List<Integer> eventTypes() {
        return sender.sent.stream()
                .map(sent -> Json.createReader(new StringReader(sent.json()))
                        .readObject()
                        .getInt("EventType"))
                .toList();
    }
}
