package dev.printfarm.appconnection.sandbox.appapi;

import dev.printfarm.appconnection.sandbox.connection.AppConnection;
import dev.printfarm.appconnection.sandbox.connection.ConnectionRegistry;
import dev.printfarm.appconnection.sandbox.gadget.GadgetBoard;
import dev.printfarm.appconnection.sandbox.gadget.GadgetCall;
import dev.printfarm.appconnection.sandbox.gadget.GadgetScript;
import dev.printfarm.appconnection.sandbox.gadget.GadgetStatus;
import dev.printfarm.appconnection.sandbox.live.LiveLink;
import dev.printfarm.appconnection.sandbox.live.LiveLinkOptions;
import dev.printfarm.appconnection.sandbox.live.LiveLinks;
import dev.printfarm.appconnection.sandbox.printer.EmulatedPrinter;
import dev.printfarm.appconnection.sandbox.printer.PrintRun;
import dev.printfarm.appconnection.sandbox.printer.PrinterRegistry;
import dev.printfarm.appconnection.sandbox.web.BaseUrl;
import dev.printfarm.appconnection.sandbox.webhook.PrintEvent;
import dev.printfarm.appconnection.sandbox.webhook.PrintEventTicker;
import dev.printfarm.appconnection.sandbox.webhook.PrintIds;
import dev.printfarm.appconnection.sandbox.webhook.WebhookRegistration;
import dev.printfarm.appconnection.sandbox.webhook.WebhookRegistry;
import dev.printfarm.appconnection.sandbox.webhook.WebhookUrls;
import dev.printfarm.appconnection.sandbox.webhook.Webhooks;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Supplier;

/**
 * OctoEverywhere's App APIs. Every call first passes the Info API's checks, in its order: no token 400, unknown
 * token (or its printer gone) 603, revoked 604, then the printer's {@code failWith} when it is 600..605, then 605
 * when {@code supporter} is false. A POST may carry {@code AppToken} in its JSON body instead of the header; a body
 * that is not a JSON object is 400.
 */
@ApplicationScoped
public class AppApiRouter {

    static final String INFO_TOKEN_REQUIRED = "The AppToken header is required.";
    static final String TOKEN_REQUIRED = "The AppToken header, or AppToken in the JSON body, is required.";
    static final String NO_WEBHOOK = "No notification webhook is registered for this App Connection.";

    private final ConnectionRegistry connections;
    private final PrinterRegistry printers;
    private final LiveLinks liveLinks;
    private final GadgetBoard gadget;
    private final InfoCalls infoCalls;
    private final WebhookRegistry webhookRegistry;
    private final Webhooks webhooks;
    private final PrintEventTicker printEvents;

    protected AppApiRouter() {
        this(null, null, null, null, null, null, null, null);
    }

    /** With a print watcher of its own that nothing ticks: for tests that send notifications by hand. */
    public AppApiRouter(
            ConnectionRegistry connections,
            PrinterRegistry printers,
            LiveLinks liveLinks,
            GadgetBoard gadget,
            InfoCalls infoCalls,
            WebhookRegistry webhookRegistry,
            Webhooks webhooks) {
        this(
                connections,
                printers,
                liveLinks,
                gadget,
                infoCalls,
                webhookRegistry,
                webhooks,
                new PrintEventTicker(printers, webhooks));
    }

    @Inject
    public AppApiRouter(
            ConnectionRegistry connections,
            PrinterRegistry printers,
            LiveLinks liveLinks,
            GadgetBoard gadget,
            InfoCalls infoCalls,
            WebhookRegistry webhookRegistry,
            Webhooks webhooks,
            PrintEventTicker printEvents) {
        this.connections = connections;
        this.printers = printers;
        this.liveLinks = liveLinks;
        this.gadget = gadget;
        this.infoCalls = infoCalls;
        this.webhookRegistry = webhookRegistry;
        this.webhooks = webhooks;
        this.printEvents = printEvents;
    }

    /**
     * {@code GET /api/appconnection/info}. Every call that names a known connection is recorded first, whatever it is
     * answered.
     */
    public AppApiAnswer info(AppApiRequest request) {
        return answer(() -> {
            AppApiCaller caller = identify(request, INFO_TOKEN_REQUIRED);
            infoCalls.record(caller.connection().id());
            if (connections.isRevoked(caller.connection().id())) {
                throw new AppApiRefusal(AppApiAnswer.failure(604));
            }
            ConnectionInfo info = ConnectionInfo.of(
                    caller.printer(),
                    BaseUrl.userPrinterUrl(request.base(), caller.printer().id()));
            return new AppApiAnswer(info.status(), info.body());
        });
    }

    /**
     * {@code POST /api/live/createfromappconnection}: 400 for a bad {@code ExpirationHours} or
     * {@code EndWhenCurrentPrintIsComplete}, 613 when the latter is true and the printer has no print (a paused print
     * counts). An offline printer still gets its link (the reference lists no 601 here).
     */
    public AppApiAnswer createLiveLink(AppApiRequest request) {
        return answer(() -> {
            AppApiCaller caller = authorized(request, TOKEN_REQUIRED);
            LiveLinkOptions options;
            try {
                options = LiveLinkOptions.of(
                        request.field("ExpirationHours"), request.field("EndWhenCurrentPrintIsComplete"));
            } catch (IllegalArgumentException e) {
                throw new AppApiRefusal(AppApiAnswer.error(400, e.getMessage()));
            }
            Instant now = printers.now();
            Optional<PrintRun> run = caller.printer().octoPrintAt(now).job();
            if (options.endWhenCurrentPrintIsComplete() && run.isEmpty()) {
                throw new AppApiRefusal(AppApiAnswer.failure(613));
            }
            Optional<String> printId = options.endWhenCurrentPrintIsComplete()
                    ? run.map(r -> PrintIds.of(caller.printer().id(), r))
                    : Optional.empty();
            LiveLink link = liveLinks.create(
                    caller.connection().id(), caller.printer().id(), options, printId, now, request.base());
            return AppApiAnswer.ok(Json.createObjectBuilder()
                    .add("LiveId", link.liveId())
                    .add("Url", link.url())
                    .add("ShortUrl", link.shortUrl())
                    .build());
        });
    }

    /**
     * {@code POST /api/gadget/GetStatusFromAppConnection}. Every call that names a known connection is recorded
     * first, whatever it is answered. Then: the usual checks, a scripted failure, 601 while the printer is offline,
     * the scripted status, else the default (Active while printing, Idle otherwise).
     */
    public AppApiAnswer gadgetStatus(AppApiRequest request) {
        return answer(() -> {
            AppApiCaller caller = identify(request, TOKEN_REQUIRED);
            Instant now = printers.now();
            gadget.recordCall(
                    caller.printer().id(), new GadgetCall(caller.connection().id(), now));
            authorize(request, caller);
            EmulatedPrinter printer = caller.printer();
            Optional<GadgetScript> script = gadget.script(printer.id());
            if (script.isPresent() && script.get() instanceof GadgetScript.Failure failure) {
                throw new AppApiRefusal(AppApiAnswer.failure(failure.status()));
            }
            if (!printer.controls().online()) {
                throw new AppApiRefusal(AppApiAnswer.failure(601));
            }
            GadgetStatus status = script.isPresent() && script.get() instanceof GadgetScript.Answer scripted
                    ? scripted.status()
                    : GadgetStatus.of(printer.octoPrintAt(now));
            return AppApiAnswer.ok(status.toJson());
        });
    }

    /**
     * {@code POST /api/appconnection/SetNotificationWebhook}: replaces the connection's registration. 400 when
     * {@code WebhookUrl} is missing, not an absolute http(s) URL or not on a loopback host, or when
     * {@code InclusiveEventTypesFilter} is not an array of integers ({@code null} or absent: every event).
     */
    public AppApiAnswer setWebhook(AppApiRequest request) {
        return answer(() -> {
            AppApiCaller caller = authorized(request, TOKEN_REQUIRED);
            Optional<JsonValue> url = request.field("WebhookUrl");
            if (url.isEmpty() || !(url.get() instanceof JsonString text)) {
                throw new AppApiRefusal(AppApiAnswer.error(400, "WebhookUrl is required, a string."));
            }
            Optional<String> problem = WebhookUrls.problem(text.getString());
            if (problem.isPresent()) {
                throw new AppApiRefusal(AppApiAnswer.error(400, problem.get()));
            }
            Set<Integer> eventTypes = eventTypes(request.field("InclusiveEventTypesFilter"));
            webhookRegistry.register(WebhookRegistration.of(
                    caller.connection().id(),
                    caller.printer().id(),
                    text.getString(),
                    eventTypes,
                    printers.now(),
                    request.base()));
            printEvents.watch(caller.printer());
            return AppApiAnswer.ok(JsonValue.EMPTY_JSON_OBJECT);
        });
    }

    /** {@code POST /api/appconnection/DeleteNotificationWebhook}: 200 whether or not there was one. */
    public AppApiAnswer deleteWebhook(AppApiRequest request) {
        return answer(() -> {
            AppApiCaller caller = authorized(request, TOKEN_REQUIRED);
            webhookRegistry.delete(caller.connection().id());
            return AppApiAnswer.ok(JsonValue.EMPTY_JSON_OBJECT);
        });
    }

    /**
     * {@code GET /api/appconnection/TestWebhook}: sends a test notification (16, filter ignored) and waits for it:
     * 200 {@code {"StatusCode": <status the webhook answered>, "Error": null}}, or {@code {"StatusCode": null,
     * "Error": "<why>"}} when it did not answer (refused, timed out). 400 when no webhook is registered.
     */
    public AppApiAnswer testWebhook(AppApiRequest request) {
        return answer(() -> {
            AppApiCaller caller = authorized(request, INFO_TOKEN_REQUIRED);
            WebhookRegistration registration = webhookRegistry
                    .find(caller.connection().id())
                    .filter(found -> !found.expiredAt(printers.now()))
                    .orElseThrow(() -> new AppApiRefusal(AppApiAnswer.error(400, NO_WEBHOOK)));
            Optional<PrintRun> run =
                    caller.printer().octoPrintAt(printers.now()).job();
            Webhooks.Outcome outcome =
                    webhooks.test(caller.printer(), registration, PrintEvent.of(PrintEvent.TEST_NOTIFICATION, run));
            return AppApiAnswer.ok(Json.createObjectBuilder()
                    .add(
                            "StatusCode",
                            outcome.status().isPresent()
                                    ? Json.createValue(outcome.status().getAsInt())
                                    : JsonValue.NULL)
                    .add(
                            "Error",
                            outcome.error().<JsonValue>map(Json::createValue).orElse(JsonValue.NULL))
                    .build());
        });
    }

    private static AppApiAnswer answer(Supplier<AppApiAnswer> call) {
        try {
            return call.get();
        } catch (AppApiRefusal refusal) {
            return refusal.answer();
        }
    }

    private AppApiCaller authorized(AppApiRequest request, String tokenRequired) {
        AppApiCaller caller = identify(request, tokenRequired);
        authorize(request, caller);
        return caller;
    }

    /** 400 without a token (or for an unreadable body that could have held it), 603 for an unknown one. */
    private AppApiCaller identify(AppApiRequest request, String tokenRequired) {
        Optional<String> token = request.token();
        if (token.isEmpty()) {
            throw new AppApiRefusal(
                    AppApiAnswer.error(400, request.bodyProblem().orElse(tokenRequired)));
        }
        Optional<AppConnection> connection = connections.findByAppApiToken(token.get());
        Optional<EmulatedPrinter> printer = connection.flatMap(found -> printers.find(found.printerId()));
        if (printer.isEmpty()) {
            throw new AppApiRefusal(AppApiAnswer.failure(603));
        }
        return new AppApiCaller(connection.get(), printer.get());
    }

    /** 400 for an unreadable body, 604 revoked, then the account failures. */
    private void authorize(AppApiRequest request, AppApiCaller caller) {
        if (request.bodyProblem().isPresent()) {
            throw new AppApiRefusal(
                    AppApiAnswer.error(400, request.bodyProblem().get()));
        }
        if (connections.isRevoked(caller.connection().id())) {
            throw new AppApiRefusal(AppApiAnswer.failure(604));
        }
        OptionalInt failure = ConnectionInfo.accountFailure(caller.printer().controls());
        if (failure.isPresent()) {
            throw new AppApiRefusal(AppApiAnswer.failure(failure.getAsInt()));
        }
    }

    private static Set<Integer> eventTypes(Optional<JsonValue> filter) {
        Set<Integer> eventTypes = new LinkedHashSet<>();
        if (filter.isEmpty() || filter.get().getValueType() == JsonValue.ValueType.NULL) {
            return eventTypes;
        }
        String problem = "InclusiveEventTypesFilter must be an array of integers (empty for every event).";
        if (filter.get().getValueType() != JsonValue.ValueType.ARRAY) {
            throw new AppApiRefusal(AppApiAnswer.error(400, problem));
        }
        for (JsonValue value : filter.get().asJsonArray()) {
            if (!(value instanceof JsonNumber number)
                    || number.bigDecimalValue().stripTrailingZeros().scale() > 0
                    || number.bigDecimalValue().compareTo(BigDecimal.valueOf(Integer.MIN_VALUE)) < 0
                    || number.bigDecimalValue().compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) > 0) {
                throw new AppApiRefusal(AppApiAnswer.error(400, problem));
            }
            eventTypes.add(number.intValueExact());
        }
        return eventTypes;
    }
}
