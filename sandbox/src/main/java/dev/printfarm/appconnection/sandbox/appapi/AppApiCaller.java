package dev.printfarm.appconnection.sandbox.appapi;

import dev.printfarm.appconnection.sandbox.connection.AppConnection;
import dev.printfarm.appconnection.sandbox.printer.EmulatedPrinter;

/** The connection an App API token belongs to, and its printer. */
record AppApiCaller(AppConnection connection, EmulatedPrinter printer) {}
