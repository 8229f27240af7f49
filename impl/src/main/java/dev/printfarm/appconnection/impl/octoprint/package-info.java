/**
 * OctoPrint's REST API through the relay or the LAN: typed Rest Clients for the API and the OctoEverywhere plugin,
 * their answers mapped onto the api's {@code octoprint} records, and the {@code OctoPrintClient} an application gets.
 *
 * <p>May use: {@code json}, {@code relay}, {@code route}, {@code store}.
 */
package dev.printfarm.appconnection.impl.octoprint;
