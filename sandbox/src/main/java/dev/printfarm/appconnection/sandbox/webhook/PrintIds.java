package dev.printfarm.appconnection.sandbox.webhook;

import dev.printfarm.appconnection.sandbox.printer.PrintRun;

/** A print's {@code PrintId}: the same for every event of one print, a new one for the next print. */
public final class PrintIds {

    private PrintIds() {}

    public static String of(String printerId, PrintRun run) {
        return printerId + "-" + run.startedAt().toEpochMilli();
    }
}
