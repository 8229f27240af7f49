/**
 * OctoEverywhere's command API, the printer API every platform has: its typed Rest Client, the envelope's
 * answers mapped onto the api's {@code command} records, and {@code RoutedPrinterCommands}, the
 * {@code PrinterCommands} an application gets.
 *
 * <p>May use: {@code error}, {@code internal}, {@code json}, {@code relay}, {@code route}, {@code store}.
 */
package dev.printfarm.appconnection.impl.commandapi;
