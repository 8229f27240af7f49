package dev.printfarm.appconnection.sandbox.printer;

import java.time.Instant;

/** Controls plus the connection times the Info API reports, changed together so they never disagree. */
public record PrinterStatus(PrinterControls controls, Instant lastConnection, Instant lastDisconnect) {

    PrinterStatus with(PrinterControls next, Instant now) {
        if (controls.online() && !next.online()) {
            return new PrinterStatus(next, lastConnection, now);
        }
        if (!controls.online() && next.online()) {
            return new PrinterStatus(next, now, lastDisconnect);
        }
        return new PrinterStatus(next, lastConnection, lastDisconnect);
    }
}
