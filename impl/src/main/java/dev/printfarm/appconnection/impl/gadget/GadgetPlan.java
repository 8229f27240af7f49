package dev.printfarm.appconnection.impl.gadget;

import dev.printfarm.appconnection.api.appapi.GadgetStatus;
import dev.printfarm.appconnection.api.appapi.GadgetUpdate;
import dev.printfarm.appconnection.api.error.AppConnectionException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * When one watched connection is looked at next, and whether Gadget is asked, following OctoEverywhere's rules:
 * only while a print is in progress, never twice within 10 s (counted from the previous answer, so that two requests
 * never reach OctoEverywhere closer than that), rarely while Gadget is disabled, not again during a print for which it
 * is disabled, not at all once the connection is gone. Synchronized: the monitor's tick reads it while a check updates it.
 */
final class GadgetPlan {

    /** 610 (plugin update needed) and 611 (no beta access) do not go away within minutes. */
    private static final int PLUGIN_UPDATE = 610;

    private static final int NO_BETA = 611;

    private final Duration pollInterval;
    private final Duration disabledInterval;
    private final Duration printCheckInterval;

    private Instant nextLookAt = Instant.EPOCH;
    private Instant lastAnswerAt;
    private PrintIdentity disabledFor;
    private boolean stopped;

    GadgetPlan(Duration pollInterval, Duration disabledInterval, Duration printCheckInterval) {
        if (pollInterval.compareTo(GadgetSettings.MIN_POLL_INTERVAL) < 0) {
            throw new IllegalArgumentException("Gadget may be polled every 10 s at most, not every " + pollInterval);
        }
        this.pollInterval = pollInterval;
        this.disabledInterval = disabledInterval;
        this.printCheckInterval = printCheckInterval;
    }

    synchronized boolean due(Instant now) {
        return !stopped && !now.isBefore(nextLookAt);
    }

    synchronized boolean stopped() {
        return stopped;
    }

    /** The job could not be read: look again later, ask nothing. */
    synchronized void jobUnknown(Instant now) {
        nextLookAt = now.plus(printCheckInterval);
    }

    /** After reading the job: whether Gadget is to be asked now. */
    synchronized boolean shouldPoll(Instant now, Optional<PrintIdentity> print) {
        if (print.isEmpty()) {
            disabledFor = null;
            nextLookAt = now.plus(printCheckInterval);
            return false;
        }
        if (disabledFor != null) {
            if (disabledFor.samePrint(print.get())) {
                nextLookAt = now.plus(printCheckInterval);
                return false;
            }
            disabledFor = null;
        }
        Instant earliest = lastAnswerAt == null ? now : lastAnswerAt.plus(GadgetSettings.MIN_POLL_INTERVAL);
        if (now.isBefore(earliest)) {
            nextLookAt = earliest;
            return false;
        }
        return true;
    }

    /**
     * Gadget answered another server of the cluster at {@code at}: this plan never asks within 10 s of that answer, so
     * a server taking the polling over keeps OctoEverywhere's rule.
     */
    synchronized void answeredElsewhere(Instant at) {
        if (lastAnswerAt == null || at.isAfter(lastAnswerAt)) {
            lastAnswerAt = at;
        }
    }

    /** After Gadget answered (or failed) at {@code at}, for the print {@code print}. */
    synchronized void answered(GadgetUpdate update, PrintIdentity print) {
        Instant at = update.at();
        lastAnswerAt = at;
        Optional<GadgetStatus.State> state = update.status().map(GadgetStatus::state);
        if (state.isPresent()) {
            switch (state.get()) {
                case DISABLED -> nextLookAt = at.plus(disabledInterval);
                case DISABLED_FOR_CURRENT_PRINT -> {
                    disabledFor = print;
                    nextLookAt = at.plus(printCheckInterval);
                }
                default -> nextLookAt = at.plus(pollInterval);
            }
            return;
        }
        AppConnectionException failure = update.failure().orElseThrow();
        int status = failure.octoEverywhereCode().orElse(0);
        if (!failure.isTemporary()) {
            stopped = true;
        } else if (status == PLUGIN_UPDATE || status == NO_BETA) {
            nextLookAt = at.plus(disabledInterval);
        } else {
            nextLookAt = at.plus(pollInterval);
        }
    }
}
