package dev.printfarm.appconnection.impl.fleet;

import dev.printfarm.appconnection.api.ConnectionRoute;
import dev.printfarm.appconnection.api.PrinterPlatform;
import dev.printfarm.appconnection.api.error.AppConnectionException;
import dev.printfarm.appconnection.api.error.CommandRefusedException;
import dev.printfarm.appconnection.api.error.ErrorDetails;
import dev.printfarm.appconnection.api.error.FeatureUnsupportedException;
import dev.printfarm.appconnection.api.fleet.PrintJob;
import dev.printfarm.appconnection.api.fleet.PrinterView;
import dev.printfarm.appconnection.api.fleet.Temperature;
import dev.printfarm.appconnection.api.octoprint.OctoPrintPrinterState;
import dev.printfarm.appconnection.impl.commandapi.CommandAnswer;
import dev.printfarm.appconnection.impl.commandapi.CommandApiMapper;
import dev.printfarm.appconnection.impl.commandapi.CommandStatusAnswer;
import dev.printfarm.appconnection.impl.error.ErrorBodies;
import dev.printfarm.appconnection.impl.json.JsonAnswers;
import dev.printfarm.appconnection.impl.json.WireJson;
import dev.printfarm.appconnection.impl.moonraker.MoonrakerMapper;
import dev.printfarm.appconnection.impl.moonraker.MoonrakerQueryAnswer;
import dev.printfarm.appconnection.impl.moonraker.MoonrakerResult;
import dev.printfarm.appconnection.impl.octoprint.OctoPrintJobAnswer;
import dev.printfarm.appconnection.impl.octoprint.OctoPrintMapper;
import dev.printfarm.appconnection.impl.octoprint.OctoPrintPrinterAnswer;
import dev.printfarm.appconnection.impl.route.HttpTransport;
import dev.printfarm.appconnection.impl.route.RouteTable;
import dev.printfarm.appconnection.impl.route.Target;
import dev.printfarm.appconnection.impl.store.StoredConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.lang.reflect.Type;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

/**
 * The fleet monitor's requests: asks one printer, in its platform's terms, for its status and job — asynchronously on
 * the module's transport, so no thread waits for a printer — and reads the answer. It decides nothing about the
 * connection's state; the monitor does that with what comes back.
 *
 * <p>These are the same reads as {@code OctoPrintClient.printer()}/{@code job()}, {@code MoonrakerClient.status()} and
 * {@code PrinterCommands.status()}, but not made through the typed Rest Clients: those block a thread per call, and a
 * fleet of thousands refreshed every few seconds must not.
 */
@ApplicationScoped
class FleetQueries {

    /** An idle printer's job is read again once in this many of its answered refreshes (see {@link #jobDue}). */
    static final int IDLE_JOB_EVERY = 6;

    private static final Type MOONRAKER_ANSWER = WireJson.type(MoonrakerResult.class, MoonrakerQueryAnswer.class);
    private static final String MOONRAKER_QUERY =
            "/printer/objects/query?print_stats&virtual_sdcard&extruder&heater_bed&display_status&webhooks";
    private static final String COMMAND_STATUS = "/octoeverywhere-command-api/status";

    @Inject
    HttpTransport transport;

    @Inject
    RouteTable routes;

    /**
     * What one refresh learned.
     *
     * @param asOctoPrint whether the printer answered OctoPrint's {@code /api/printer}
     */
    record Answer(Optional<String> statusText, PrintJob job, List<Temperature> temperatures, boolean asOctoPrint) {}

    /**
     * How a refresh is asked: where its answers are handled (with the application's context), the read timeout, and
     * how answers are read ({@link #answers(long)}, made once).
     */
    record Context(Executor appContext, Duration readTimeout, HttpResponse.BodyHandler<String> answers) {}

    /** Answers read as text, at most {@code answerBytes} ({@code appconnection.fleet.answer-bytes}) of each. */
    HttpResponse.BodyHandler<String> answers(long answerBytes) {
        return transport.text(answerBytes);
    }

    /**
     * Asks the printer on {@code target}; the future fails with the module's exception when the request failed or the
     * answer could not be read. The command API is only on the relay, so an {@code OTHER} printer is asked there.
     *
     * @param before   the connection's view before this refresh, to skip the job of an idle OctoPrint
     * @param jobDue   whether an idle OctoPrint's periodic job read falls on this refresh ({@link #jobDue})
     */
    CompletableFuture<Answer> ask(
            PrinterPlatform platform,
            StoredConnection stored,
            Target target,
            Optional<PrinterView> before,
            boolean jobDue,
            Context context) {
        try {
            return switch (platform) {
                case MOONRAKER -> askMoonraker(target, context);
                case OTHER ->
                    askCommandApi(
                            target.route() == ConnectionRoute.RELAY
                                    ? target
                                    : routes.relay(stored.connection(), stored.secrets()),
                            context);
                default -> askOctoPrint(target, before, jobDue, context);
            };
        } catch (AppConnectionException unusable) {
            return CompletableFuture.failedFuture(unusable);
        }
    }

    private CompletableFuture<Answer> askMoonraker(Target target, Context context) {
        return this.<MoonrakerResult<MoonrakerQueryAnswer>>get(target, MOONRAKER_QUERY, MOONRAKER_ANSWER, context)
                .thenApply(answer -> {
                    var klipper = MoonrakerMapper.queried(answer.result());
                    return new Answer(Optional.of(klipper.statusText()), klipper.job(), klipper.temperatures(), false);
                });
    }

    private CompletableFuture<Answer> askCommandApi(Target target, Context context) {
        return this.<CommandAnswer<CommandStatusAnswer>>get(target, COMMAND_STATUS, CommandApiMapper.STATUS, context)
                .thenApply(envelope -> {
                    if (envelope.status() == null) {
                        throw HttpTransport.unreadable(
                                target, OptionalInt.empty(), "The command API answered JSON without a Status");
                    }
                    if (envelope.status() != 200) {
                        String why = Optional.ofNullable(envelope.error())
                                .map(e -> ": "
                                        + ErrorBodies.clean(e, target.headers().values()))
                                .orElse("");
                        // The envelope is all that is passed on here: the HTTP answer's facts are not known.
                        throw envelope.status() == FeatureUnsupportedException.COMMAND_STATUS
                                ? new FeatureUnsupportedException(
                                        "The printer's command API has no status" + why,
                                        target.connectionId(),
                                        ErrorDetails.none())
                                : new CommandRefusedException(
                                        "The printer's command API refused the status (" + envelope.status() + ")"
                                                + why,
                                        target.connectionId(),
                                        envelope.status(),
                                        ErrorDetails.none());
                    }
                    var status = CommandApiMapper.status(envelope.result());
                    return new Answer(Optional.of(status.statusText()), status.job(), status.temperatures(), false);
                });
    }

    private CompletableFuture<Answer> askOctoPrint(
            Target target, Optional<PrinterView> before, boolean jobDue, Context context) {
        return this.<OctoPrintPrinterAnswer>get(
                        target, "/api/printer?exclude=sd", OctoPrintPrinterAnswer.class, context)
                .thenCompose(printer -> {
                    OctoPrintPrinterState p = OctoPrintMapper.printer(printer);
                    if (!needsJob(jobDue, before, p)) {
                        PrintJob kept = before.orElseThrow().job().orElseThrow();
                        return CompletableFuture.completedFuture(
                                new Answer(p.stateText().or(kept::statusText), kept, p.temperatures(), true));
                    }
                    return this.<OctoPrintJobAnswer>get(target, "/api/job", OctoPrintJobAnswer.class, context)
                            .thenApply(job -> {
                                PrintJob j = OctoPrintMapper.job(job);
                                return new Answer(p.stateText().or(j::statusText), j, p.temperatures(), true);
                            });
                });
    }

    /**
     * Whether this refresh must ask {@code /api/job} too. {@code /api/printer} already tells the state and
     * temperatures; the job (file, progress) changes only while a print is under way or when the state moves, so an
     * idle printer whose state text is unchanged costs one request, and its job is re-read when {@code jobDue}, in case
     * a file was selected.
     */
    static boolean needsJob(boolean jobDue, Optional<PrinterView> before, OctoPrintPrinterState now) {
        if (before.isEmpty() || before.get().job().isEmpty() || now.printing() || now.paused() || jobDue) {
            return true;
        }
        return !before.get().statusText().equals(now.stateText());
    }

    /**
     * Whether an idle printer's periodic job read falls on its refresh after {@code answered} answered ones: once in
     * every {@value #IDLE_JOB_EVERY}, at a place set by the connection's id. Printers refreshed together (a fleet
     * connected at once, a {@code refreshAll()}) so spread these reads over their refreshes, a sixth on each, instead of
     * all asking on the same one and making every sixth refresh half as long again.
     */
    static boolean jobDue(long answered, String connectionId) {
        return Math.floorMod(answered + connectionId.hashCode(), IDLE_JOB_EVERY) == 0;
    }

    /** A GET whose success answer is read as {@code type}; one that cannot be read is the printer's unusable answer. */
    private <T> CompletableFuture<T> get(Target target, String path, Type type, Context context) {
        Duration timeout = target.route() == ConnectionRoute.LAN
                ? transport.connectTimeout(target).plus(context.readTimeout())
                : context.readTimeout();
        HttpRequest request = transport.request(target, path, timeout).GET().build();
        // Answers are handled on the fleet's threads, in the application's context (the HttpClient's threads have
        // none); a state that changed is written to the store there, which must not hold the HttpClient's threads.
        return transport
                .sendAsync(target, request, context.answers(), context.appContext())
                .thenApply(response -> {
                    if (response.statusCode() >= 400) {
                        throw transport.error(target, response);
                    }
                    return JsonAnswers.fromPrinter(target.connectionId()).<T>read(response, type);
                });
    }

    /** The module's exception for a failed refresh request, whatever wrapped it. */
    AppConnectionException unwrap(Target target, Throwable failure) {
        Throwable cause =
                failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        return cause instanceof AppConnectionException e ? e : transport.failure(target, cause);
    }
}
