package dev.printfarm.appconnection.impl.fleet;

import dev.printfarm.appconnection.api.AppConnection;
import dev.printfarm.appconnection.api.ConnectionRoute;
import dev.printfarm.appconnection.api.ConnectionState;
import dev.printfarm.appconnection.api.error.AppConnectionException;
import dev.printfarm.appconnection.api.error.PrinterOfflineException;
import dev.printfarm.appconnection.api.error.PrinterResponseException;
import dev.printfarm.appconnection.api.error.PrinterUnreachableException;
import dev.printfarm.appconnection.api.error.RelayTimeoutException;
import dev.printfarm.appconnection.api.fleet.PrintJob;
import dev.printfarm.appconnection.api.fleet.PrinterView;
import dev.printfarm.appconnection.api.fleet.Temperature;
import dev.printfarm.appconnection.api.stream.PushMessage;
import dev.printfarm.appconnection.impl.live.PushSockets;
import dev.printfarm.appconnection.impl.relay.CallOutcomes;
import dev.printfarm.appconnection.impl.route.RouteTable;
import dev.printfarm.appconnection.impl.route.Target;
import dev.printfarm.appconnection.impl.store.StoredConnection;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiConsumer;

/**
 * One connection's refresh, from "is it worth a request" to the view it leaves: no traffic for a revoked connection,
 * rejected credentials or a printer resting after misses; the push socket's recent state when one is open; else the
 * printer is asked on the connection's route, falling back to the relay at once when the LAN route fails (as any call
 * does). What it learns goes to {@code publish}; the connection's state goes to {@link CallOutcomes} like any call's.
 */
final class FleetRefresh {

    private final FleetQueries queries;
    private final FleetQueries.Context context;
    private final FleetSchedule schedule;
    private final PlatformLookup platforms;
    private final RouteTable routes;
    private final CallOutcomes outcomes;
    private final PushSockets push;
    private final Clock clock;
    private final BiConsumer<FleetEntry, PrinterView> publish;

    FleetRefresh(
            FleetQueries queries,
            FleetQueries.Context context,
            FleetSchedule schedule,
            PlatformLookup platforms,
            RouteTable routes,
            CallOutcomes outcomes,
            PushSockets push,
            Clock clock,
            BiConsumer<FleetEntry, PrinterView> publish) {
        this.queries = queries;
        this.context = context;
        this.schedule = schedule;
        this.platforms = platforms;
        this.routes = routes;
        this.outcomes = outcomes;
        this.push = push;
        this.clock = clock;
        this.publish = publish;
    }

    /** Refreshes the entry; the future completes when its new view is published, never exceptionally for a printer. */
    CompletableFuture<Void> refresh(FleetEntry entry) {
        StoredConnection stored = entry.stored;
        AppConnection connection = stored.connection();
        ConnectionState state = outcomes.known(entry.id).orElse(connection.state());
        Instant now = clock.instant();
        if (state == ConnectionState.REVOKED
                || state == ConnectionState.INVALID_CREDENTIALS
                || now.isBefore(entry.notBefore)) {
            publish.accept(
                    entry,
                    withoutAnswer(
                            entry,
                            state,
                            Optional.empty(),
                            entry.previous().map(PrinterView::updatedAt).orElse(now)));
            return CompletableFuture.completedFuture(null);
        }
        Optional<PushMessage.State> pushed = push.recentState(entry.id, schedule.cycle());
        if (pushed.isPresent()) {
            PrintJob job = pushed.get().job();
            publish.accept(
                    entry,
                    new PrinterView(
                            entry.id,
                            connection.printerName(),
                            ConnectionState.ONLINE,
                            routes.current(connection),
                            job.statusText(),
                            Optional.of(job),
                            pushed.get().temperatures(),
                            Optional.empty(),
                            pushed.get().receivedAt()));
            return CompletableFuture.completedFuture(null);
        }
        Target target;
        try {
            target = routes.target(connection, stored.secrets());
        } catch (AppConnectionException unusable) {
            failed(entry, unusable);
            return CompletableFuture.completedFuture(null);
        }
        return ask(entry, target)
                .exceptionallyComposeAsync(
                        failure -> {
                            AppConnectionException error = queries.unwrap(target, failure);
                            if (target.route() == ConnectionRoute.LAN && RouteTable.lanRouteFailed(error)) {
                                routes.lanFailed(entry.id);
                                Target relay;
                                try {
                                    relay = routes.relay(connection, stored.secrets());
                                } catch (AppConnectionException unusable) {
                                    failed(entry, unusable);
                                    return CompletableFuture.completedFuture(null);
                                }
                                return ask(entry, relay)
                                        .exceptionallyAsync(
                                                again -> {
                                                    failed(entry, queries.unwrap(relay, again));
                                                    return null;
                                                },
                                                context.appContext());
                            }
                            failed(entry, error);
                            return CompletableFuture.completedFuture(null);
                        },
                        context.appContext());
    }

    /** Asks the printer on one target and takes what it answered; fails as the request failed. */
    private CompletableFuture<Void> ask(FleetEntry entry, Target target) {
        return queries.ask(
                        platforms.of(entry.id),
                        entry.stored,
                        target,
                        entry.previous(),
                        FleetQueries.jobDue(entry.answered, entry.id),
                        context)
                .thenAccept(answer -> answered(entry, target, answer));
    }

    private void answered(FleetEntry entry, Target target, FleetQueries.Answer answer) {
        entry.answered++;
        if (answer.asOctoPrint()) {
            platforms.answeredAsOctoPrint(entry.id);
        }
        entry.misses = 0;
        entry.notBefore = Instant.EPOCH;
        outcomes.answered(entry.id, ConnectionState.ONLINE);
        publish.accept(
                entry,
                new PrinterView(
                        entry.id,
                        entry.stored.connection().printerName(),
                        ConnectionState.ONLINE,
                        target.route(),
                        answer.statusText(),
                        Optional.of(answer.job()),
                        answer.temperatures(),
                        Optional.empty(),
                        clock.instant()));
    }

    private void failed(FleetEntry entry, AppConnectionException failure) {
        outcomes.failed(entry.id, failure);
        if (failure instanceof PrinterResponseException
                && failure.printerStatus().orElse(0) == 404) {
            platforms.noOctoPrint(entry.id);
        }
        if (failure instanceof PrinterOfflineException
                || failure instanceof RelayTimeoutException
                || failure instanceof PrinterUnreachableException) {
            entry.misses++;
            entry.notBefore = schedule.restUntil(entry.misses, clock.instant());
        }
        ConnectionState state =
                outcomes.known(entry.id).orElse(entry.stored.connection().state());
        PrinterView.Failure error = PrinterView.Failure.of(failure);
        publish.accept(
                entry,
                withoutAnswer(
                        entry,
                        state,
                        Optional.of(error),
                        entry.previous().map(PrinterView::updatedAt).orElse(clock.instant())));
    }

    /** A view without an answer from the printer; the last error is kept until a new one replaces it. */
    private PrinterView withoutAnswer(
            FleetEntry entry, ConnectionState state, Optional<PrinterView.Failure> error, Instant updatedAt) {
        AppConnection connection = entry.stored.connection();
        PrinterView previous = entry.view;
        Optional<PrinterView.Failure> lastError = error.isPresent() || previous == null ? error : previous.lastError();
        return new PrinterView(
                entry.id,
                connection.printerName(),
                state,
                routes.current(connection),
                Optional.empty(),
                Optional.empty(),
                List.<Temperature>of(),
                lastError,
                updatedAt);
    }
}
