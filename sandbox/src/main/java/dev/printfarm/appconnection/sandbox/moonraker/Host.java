package dev.printfarm.appconnection.sandbox.moonraker;

import dev.printfarm.appconnection.sandbox.printer.EmulatedPrinter;
import java.time.Instant;

/**
 * The Moonraker instance a request reaches.
 *
 * @param websockets how many Moonraker sockets of the printer are open, for {@code server.info}
 * @param baseUrl    where the client reaches this Moonraker (relay or LAN), for the upload's {@code Location}
 */
record Host(EmulatedPrinter printer, Instant now, int websockets, String baseUrl) {}
