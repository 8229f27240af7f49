/**
 * Moonraker (Klipper)'s HTTP API through the relay or the LAN: a typed Rest Client, its {@code result} envelope and
 * errors mapped onto the api's {@code moonraker} records, and the {@code MoonrakerClient} an application gets.
 *
 * <p>May use: {@code error}, {@code internal}, {@code json}, {@code live}, {@code relay}, {@code route}, {@code store}.
 */
package dev.printfarm.appconnection.impl.moonraker;
