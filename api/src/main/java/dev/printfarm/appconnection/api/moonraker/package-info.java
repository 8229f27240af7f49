/**
 * Moonraker's API (Klipper printers) through an App Connection, in Moonraker's terms: {@link
 * dev.printfarm.appconnection.api.moonraker.MoonrakerClient}, its REST answers, and a subscription to the printer's
 * merged status over Moonraker's JSON-RPC socket ({@link dev.printfarm.appconnection.api.moonraker.MoonrakerListener}).
 */
package dev.printfarm.appconnection.api.moonraker;
