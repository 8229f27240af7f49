package dev.printfarm.appconnection.sandbox.appapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.printfarm.appconnection.sandbox.MutableClock;
import dev.printfarm.appconnection.sandbox.config.SandboxSettings;
import dev.printfarm.appconnection.sandbox.connection.AppConnection;
import dev.printfarm.appconnection.sandbox.connection.ConnectionRegistry;
import dev.printfarm.appconnection.sandbox.gadget.GadgetBoard;
import dev.printfarm.appconnection.sandbox.gadget.GadgetCall;
import dev.printfarm.appconnection.sandbox.gadget.GadgetScript;
import dev.printfarm.appconnection.sandbox.gadget.GadgetStatus;
import dev.printfarm.appconnection.sandbox.live.LiveLink;
import dev.printfarm.appconnection.sandbox.live.LiveLinks;
import dev.printfarm.appconnection.sandbox.printer.EmulatedPrinter;
import dev.printfarm.appconnection.sandbox.printer.PrintJobs;
import dev.printfarm.appconnection.sandbox.printer.PrinterRegistry;
import dev.printfarm.appconnection.sandbox.web.ReceivedBody;
import dev.printfarm.appconnection.sandbox.webhook.PrintEventTicker;
import dev.printfarm.appconnection.sandbox.webhook.PrintIds;
import dev.printfarm.appconnection.sandbox.webhook.WebhookLog;
import dev.printfarm.appconnection.sandbox.webhook.WebhookRegistration;
import dev.printfarm.appconnection.sandbox.webhook.WebhookRegistry;
import dev.printfarm.appconnection.sandbox.webhook.Webhooks;
import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AppApiRouterTest {

    private static final String BASE = "http://localhost:9080/sandbox";

    private final MutableClock clock = MutableClock.at("2026-11-28T10:00:00Z");
    private final PrinterRegistry printers = new PrinterRegistry(
            new SandboxSettings(2, Optional.empty(), Duration.ofSeconds(100), Optional.empty(), 0), clock);
    private final ConnectionRegistry connections = new ConnectionRegistry(clock);
    private final LiveLinks liveLinks = new LiveLinks();
    private final GadgetBoard gadget = new GadgetBoard();
    private final InfoCalls infoCalls = new InfoCalls(clock);
    private final WebhookRegistry webhookRegistry = new WebhookRegistry();
    private final WebhookLog webhookLog = new WebhookLog();
    private final List<URI> posted = new ArrayList<>();
    private int webhookStatus = 204;
    private final Webhooks webhooks = new Webhooks(
            connections,
            webhookRegistry,
            webhookLog,
            clock,
            (url, json) -> {
                posted.add(url);
                if (webhookStatus == 0) {
                    throw new ConnectException("Connection refused");
                }
                return webhookStatus;
            },
            Runnable::run);
    private final AppApiRouter router =
            new AppApiRouter(connections, printers, liveLinks, gadget, infoCalls, webhookRegistry, webhooks);
    private final EmulatedPrinter printing = printers.all().get(0);
    private final EmulatedPrinter idle = printers.all().get(1);

    // --- authentication, shared by every App API -------------------------------------------------------------

    @Test
    void aPostTakesTheTokenFromTheHeaderOrFromTheBody() {
        AppConnection connection = connect(printing);

        assertEquals(
                200,
                router.createLiveLink(post(Optional.of(connection.appApiToken()), ""))
                        .status());
        assertEquals(
                200,
                router.createLiveLink(post(Optional.empty(), "{\"AppToken\": \"" + connection.appApiToken() + "\"}"))
                        .status());
        assertEquals(
                200,
                router.gadgetStatus(post(Optional.of("  "), "{\"apptoken\": \"" + connection.appApiToken() + "\"}"))
                        .status());
    }

    @Test
    void theHeaderWinsOverTheBody() {
        AppConnection connection = connect(printing);

        assertEquals(
                603,
                router.gadgetStatus(
                                post(Optional.of("unknown"), "{\"AppToken\": \"" + connection.appApiToken() + "\"}"))
                        .status());
    }

    @Test
    void noTokenIs400AndAnUnknownOne603() {
        AppApiAnswer none = router.setWebhook(post(Optional.empty(), "{\"WebhookUrl\": \"http://localhost/h\"}"));
        AppApiAnswer unknown = router.deleteWebhook(post(Optional.of("nope"), ""));

        assertEquals(400, none.status());
        assertEquals(AppApiRouter.TOKEN_REQUIRED, none.body().getString("Error"));
        assertEquals(603, unknown.status());
        assertEquals(
                400,
                router.testWebhook(AppApiRequest.get(Optional.empty(), BASE)).status());
    }

    @Test
    void revokedIs604AndNoLongerASupporter605OnEveryApi() {
        AppConnection revoked = connect(printing);
        connections.revoke(revoked.id(), true);
        AppConnection suspended = connect(idle);
        printers.update(idle.id(), controls -> controls.withSupporter(false));

        for (AppConnection connection : List.of(revoked, suspended)) {
            int expected = connection == revoked ? 604 : 605;
            assertEquals(expected, router.createLiveLink(post(connection, "")).status());
            assertEquals(expected, router.gadgetStatus(post(connection, "")).status());
            assertEquals(
                    expected,
                    router.setWebhook(post(connection, webhookBody("http://localhost/h", "[]")))
                            .status());
            assertEquals(expected, router.deleteWebhook(post(connection, "")).status());
            assertEquals(expected, router.testWebhook(get(connection)).status());
            assertEquals(expected, router.info(get(connection)).status());
        }
    }

    @Test
    void aPrintersFailWithUpTo605AppliesToEveryApiLikeToTheInfoApi() {
        AppConnection connection = connect(printing);
        printers.update(printing.id(), controls -> controls.withFailWith(OptionalInt.of(600)));

        assertEquals(600, router.createLiveLink(post(connection, "")).status());
        assertEquals(600, router.gadgetStatus(post(connection, "")).status());
        printers.update(printing.id(), controls -> controls.withFailWith(OptionalInt.of(612)));
        assertEquals(200, router.createLiveLink(post(connection, "")).status());
    }

    @Test
    void aBodyThatIsNotAJsonObjectIs400() {
        AppConnection connection = connect(printing);

        for (String body : List.of("{", "[1]", "\"x\"", "null", "24")) {
            AppApiAnswer answer = router.createLiveLink(post(connection, body));
            assertEquals(400, answer.status(), body);
            assertTrue(answer.body().containsKey("Error"));
        }
        assertEquals(400, router.createLiveLink(post(Optional.empty(), "{")).status());
    }

    @Test
    void theInfoApiAnswersAsBefore() {
        AppConnection connection = connect(printing);

        AppApiAnswer missing = router.info(AppApiRequest.get(Optional.empty(), BASE));
        AppApiAnswer info = router.info(get(connection));

        assertEquals(400, missing.status());
        assertEquals(AppApiRouter.INFO_TOKEN_REQUIRED, missing.body().getString("Error"));
        assertEquals(
                603, router.info(AppApiRequest.get(Optional.of("nope"), BASE)).status());
        assertEquals(200, info.status());
        assertEquals(BASE + "/printer/" + printing.id(), info.body().getString("UserFacingPrinterUrl"));
    }

    // --- Live Links --------------------------------------------------------------------------------------------

    @Test
    void aLiveLinkLivesUnderTheBaseUrlAndIsRecordedWithItsDefaults() {
        AppConnection connection = connect(idle);

        AppApiAnswer answer = router.createLiveLink(post(connection, ""));

        assertEquals(200, answer.status());
        String liveId = answer.body().getString("LiveId");
        assertEquals(BASE + "/live/" + liveId, answer.body().getString("Url"));
        assertEquals(BASE + "/l/" + liveId, answer.body().getString("ShortUrl"));
        LiveLink link = liveLinks.find(liveId).orElseThrow();
        assertEquals(24, link.expirationHours());
        assertFalse(link.endWhenCurrentPrintIsComplete());
        assertEquals(connection.id(), link.connectionId());
        assertEquals(clock.instant().plus(Duration.ofHours(24)), link.expiresAt());
    }

    @Test
    void expirationHoursMustBeAnIntegerFrom1To17520() {
        AppConnection connection = connect(idle);

        for (String hours : List.of("0", "17521", "-1", "1.5", "\"24\"", "true")) {
            assertEquals(
                    400,
                    router.createLiveLink(post(connection, "{\"ExpirationHours\": " + hours + "}"))
                            .status(),
                    hours);
        }
        for (String hours : List.of("1", "17520", "null", "48.0")) {
            assertEquals(
                    200,
                    router.createLiveLink(post(connection, "{\"ExpirationHours\": " + hours + "}"))
                            .status(),
                    hours);
        }
        assertEquals(
                400,
                router.createLiveLink(post(connection, "{\"EndWhenCurrentPrintIsComplete\": \"yes\"}"))
                        .status());
        assertEquals(
                List.of(1, 17520, 24, 48),
                liveLinks.all().stream().map(LiveLink::expirationHours).toList());
    }

    @Test
    void endingWithTheCurrentPrintNeedsAPrint613Otherwise() {
        AppConnection idleConnection = connect(idle);
        AppConnection printingConnection = connect(printing);
        String body = "{\"ExpirationHours\": 2, \"EndWhenCurrentPrintIsComplete\": true}";

        AppApiAnswer refused = router.createLiveLink(post(idleConnection, body));
        AppApiAnswer created = router.createLiveLink(post(printingConnection, body));
        printing.changeJob(job -> PrintJobs.pause(job, PrintJobs.PauseAction.PAUSE, clock.instant()));
        AppApiAnswer whilePaused = router.createLiveLink(post(printingConnection, body));

        assertEquals(613, refused.status());
        assertEquals(
                200,
                router.createLiveLink(post(idleConnection, "{\"EndWhenCurrentPrintIsComplete\": false}"))
                        .status());
        assertEquals(200, created.status());
        assertEquals(200, whilePaused.status());
        LiveLink link = liveLinks.find(created.body().getString("LiveId")).orElseThrow();
        String printId = PrintIds.of(
                printing.id(), printing.octoPrintAt(clock.instant()).job().orElseThrow());
        assertEquals(Optional.of(printId), link.printId());
        assertTrue(link.activeAt(clock.instant(), Optional.of(printId)));
        assertFalse(link.activeAt(clock.instant(), Optional.of("next print")));
    }

    // --- Gadget ------------------------------------------------------------------------------------------------

    @Test
    void gadgetIsIdleWhenNotPrintingAndActiveWithARatingWhilePrinting() {
        JsonObject idleStatus = router.gadgetStatus(post(connect(idle), "")).body();
        JsonObject activeStatus =
                router.gadgetStatus(post(connect(printing), "")).body();

        assertEquals(2, idleStatus.getInt("State"));
        assertEquals("w", idleStatus.getString("StatusColor"));
        assertEquals(3, activeStatus.getInt("State"));
        assertEquals("g", activeStatus.getString("StatusColor"));
        int rating = activeStatus.getInt("Rating");
        assertTrue(rating >= 1 && rating <= 10);
        assertFalse(activeStatus.getString("Status").isBlank());
    }

    @Test
    void gadgetAnswersItsScriptUntilTheScriptIsRemoved() {
        AppConnection connection = connect(idle);
        gadget.script(idle.id(), new GadgetScript.Answer(new GadgetStatus(4, "Spaghetti!", "r", 1)));

        JsonObject scripted = router.gadgetStatus(post(connection, "")).body();
        gadget.script(idle.id(), new GadgetScript.Failure(610));
        AppApiAnswer failure = router.gadgetStatus(post(connection, ""));
        gadget.unscript(idle.id());

        assertEquals(4, scripted.getInt("State"));
        assertEquals("Spaghetti!", scripted.getString("Status"));
        assertEquals("r", scripted.getString("StatusColor"));
        assertEquals(1, scripted.getInt("Rating"));
        assertEquals(610, failure.status());
        assertTrue(failure.body().containsKey("Error"));
        assertEquals(2, router.gadgetStatus(post(connection, "")).body().getInt("State"));
    }

    @Test
    void gadgetAnswers601WhileThePrinterIsOffline() {
        AppConnection connection = connect(printing);
        printers.update(printing.id(), controls -> controls.withOnline(false));

        assertEquals(601, router.gadgetStatus(post(connection, "")).status());
        gadget.script(printing.id(), new GadgetScript.Failure(500));
        assertEquals(500, router.gadgetStatus(post(connection, "")).status());
    }

    @Test
    void everyGadgetCallOfAKnownConnectionIsRecordedWhateverItsAnswer() {
        AppConnection first = connect(printing);
        AppConnection second = connect(printing);
        router.gadgetStatus(post(first, ""));
        clock.advance(Duration.ofSeconds(10));
        router.gadgetStatus(post(second, "{"));
        connections.revoke(first.id(), true);
        clock.advance(Duration.ofMillis(250));
        AppApiAnswer revoked = router.gadgetStatus(post(first, ""));
        router.gadgetStatus(post(Optional.of("unknown"), ""));

        assertEquals(604, revoked.status());
        List<GadgetCall> calls = gadget.calls(printing.id());
        assertEquals(
                List.of(first.id(), second.id(), first.id()),
                calls.stream().map(GadgetCall::connectionId).toList());
        assertEquals(
                List.of(clock.instant().minusMillis(10_250), clock.instant().minusMillis(250), clock.instant()),
                calls.stream().map(GadgetCall::time).toList());
        assertTrue(gadget.calls(idle.id()).isEmpty());
    }

    // --- Info API calls -----------------------------------------------------------------------------------------

    @Test
    void everyInfoCallOfAKnownConnectionIsRecordedWhateverItsAnswer() {
        AppConnection first = connect(printing);
        AppConnection second = connect(idle);
        printers.update(idle.id(), controls -> controls.withSupporter(false));
        AppApiAnswer ok = router.info(get(first));
        clock.advance(Duration.ofSeconds(10));
        AppApiAnswer suspended = router.info(get(second));
        connections.revoke(first.id(), true);
        clock.advance(Duration.ofMillis(250));
        AppApiAnswer revoked = router.info(get(first));

        assertEquals(List.of(200, 605, 604), List.of(ok.status(), suspended.status(), revoked.status()));
        assertEquals(List.of(clock.instant().minusMillis(10_250), clock.instant()), infoCalls.of(first.id()));
        assertEquals(List.of(clock.instant().minusMillis(250)), infoCalls.of(second.id()));
    }

    @Test
    void anInfoCallWithAnUnknownOrMissingTokenIsNotRecorded() {
        AppConnection connection = connect(printing);

        assertEquals(
                603,
                router.info(AppApiRequest.get(Optional.of("unknown"), BASE)).status());
        assertEquals(400, router.info(AppApiRequest.get(Optional.empty(), BASE)).status());
        assertEquals(
                400, router.info(AppApiRequest.get(Optional.of("  "), BASE)).status());

        assertTrue(infoCalls.of(connection.id()).isEmpty());
        assertTrue(infoCalls.of("unknown").isEmpty());
    }

    @Test
    void otherAppApisAreNotRecordedAsInfoCalls() {
        AppConnection connection = connect(printing);

        router.gadgetStatus(post(connection, ""));
        router.createLiveLink(post(connection, ""));
        router.testWebhook(get(connection));

        assertTrue(infoCalls.of(connection.id()).isEmpty());
    }

    // --- notification webhooks ---------------------------------------------------------------------------------

    @Test
    void registeringAWebhookStartsWatchingThePrinterAtOnce() {
        PrintEventTicker ticker = new PrintEventTicker(printers, webhooks);
        AppApiRouter watching = new AppApiRouter(
                connections, printers, liveLinks, gadget, infoCalls, webhookRegistry, webhooks, ticker);
        AppConnection connection = connect(printing);

        assertEquals(
                200,
                watching.setWebhook(post(connection, "{\"WebhookUrl\": \"http://localhost:1/hook\"}"))
                        .status());
        printing.changeJob(job -> PrintJobs.cancel(job, clock.instant()));
        clock.advance(Duration.ofMillis(100));
        ticker.tick();

        assertEquals(List.of(URI.create("http://localhost:1/hook")), posted);
    }

    @Test
    void setNotificationWebhookRegistersAndEachCallReplacesThePreviousOne() {
        AppConnection connection = connect(printing);

        AppApiAnswer first =
                router.setWebhook(post(connection, webhookBody("http://localhost:8080/a?token=t", "[1, 2]")));
        clock.advance(Duration.ofMinutes(1));
        AppApiAnswer second = router.setWebhook(post(connection, webhookBody("http://127.0.0.1:8080/b", "[]")));

        assertEquals(200, first.status());
        assertEquals(200, second.status());
        WebhookRegistration registration = webhookRegistry.find(connection.id()).orElseThrow();
        assertEquals("http://127.0.0.1:8080/b", registration.url());
        assertTrue(registration.eventTypes().isEmpty());
        assertEquals(clock.instant(), registration.registeredAt());
        assertEquals(printing.id(), registration.printerId());
        assertEquals(BASE, registration.base());
    }

    @Test
    void theFilterIsKeptAndMayNameUnknownEventTypes() {
        AppConnection connection = connect(printing);

        router.setWebhook(post(connection, webhookBody("http://localhost/h", "[2, 99, 2]")));
        router.setWebhook(post(connect(printing), "{\"WebhookUrl\": \"http://localhost/h\"}"));

        assertEquals(
                Set.of(2, 99),
                webhookRegistry.find(connection.id()).orElseThrow().eventTypes());
    }

    @Test
    void aBadUrlOrFilterIs400AndKeepsThePreviousRegistration() {
        AppConnection connection = connect(printing);
        router.setWebhook(post(connection, webhookBody("http://localhost/kept", "[]")));

        for (String body : List.of(
                "{}",
                "{\"WebhookUrl\": 5}",
                webhookBody("https://example.com/h", "[]"),
                webhookBody("ftp://localhost/h", "[]"),
                webhookBody("/relative", "[]"),
                webhookBody("http://localhost/h", "[\"1\"]"),
                webhookBody("http://localhost/h", "[1.5]"),
                webhookBody("http://localhost/h", "3"))) {
            AppApiAnswer answer = router.setWebhook(post(connection, body));
            assertEquals(400, answer.status(), body);
            assertTrue(answer.body().containsKey("Error"), body);
        }
        assertEquals(
                "http://localhost/kept",
                webhookRegistry.find(connection.id()).orElseThrow().url());
    }

    @Test
    void deleteNotificationWebhookIs200WithOrWithoutARegistration() {
        AppConnection connection = connect(printing);
        router.setWebhook(post(connection, webhookBody("http://localhost/h", "[]")));

        assertEquals(200, router.deleteWebhook(post(connection, "")).status());
        assertEquals(200, router.deleteWebhook(post(connection, "")).status());
        assertTrue(webhookRegistry.find(connection.id()).isEmpty());
    }

    @Test
    void testWebhookTellsTheStatusTheWebhookAnsweredOrWhyThereWasNone() {
        AppConnection connection = connect(printing);

        AppApiAnswer none = router.testWebhook(get(connection));
        router.setWebhook(post(connection, webhookBody("http://localhost:8080/h?token=t", "[1]")));
        AppApiAnswer answered = router.testWebhook(get(connection));
        webhookStatus = 0;
        AppApiAnswer refused = router.testWebhook(get(connection));

        assertEquals(400, none.status());
        assertEquals(AppApiRouter.NO_WEBHOOK, none.body().getString("Error"));
        assertEquals(200, answered.status());
        assertEquals(204, answered.body().getInt("StatusCode"));
        assertTrue(answered.body().isNull("Error"));
        assertEquals(200, refused.status());
        assertTrue(refused.body().isNull("StatusCode"));
        assertEquals("ConnectException: Connection refused", refused.body().getString("Error"));
        assertEquals(URI.create("http://localhost:8080/h?token=t"), posted.get(0));
        assertEquals(
                List.of(16, 16),
                webhookLog.snapshot().stream()
                        .map(delivery -> delivery.eventType())
                        .toList());
    }

    private AppConnection connect(EmulatedPrinter printer) {
        clock.advance(Duration.ofMillis(1));
        return connections.create(printer.id(), "devtest", BASE + "/relay", false);
    }

    private static String webhookBody(String url, String filter) {
        return "{\"WebhookUrl\": \"" + url + "\", \"InclusiveEventTypesFilter\": " + filter + "}";
    }

    private static AppApiRequest post(AppConnection connection, String body) {
        return post(Optional.of(connection.appApiToken()), body);
    }

    private static AppApiRequest post(Optional<String> headerToken, String body) {
        try {
            ReceivedBody received = ReceivedBody.read(
                    new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)), AppApiRequest.MAX_BODY_BYTES);
            return AppApiRequest.post(headerToken, received, BASE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static AppApiRequest get(AppConnection connection) {
        return AppApiRequest.get(Optional.of(connection.appApiToken()), BASE);
    }
}
