/**
 * The service and the connection lifecycle: {@link dev.printfarm.appconnection.api.AppConnectionService} (an
 * application-scoped CDI bean: start the portal, list and remove connections, open a printer's client, watch its
 * streams), {@link dev.printfarm.appconnection.api.AppConnection} and its state and route, the portal request. One
 * package per printer API ({@code octoprint}, {@code moonraker}, {@code command}), the fleet's view ({@code fleet}),
 * streams ({@code stream}), OctoEverywhere's App APIs ({@code appapi}), CDI events ({@code event}), the exception
 * family ({@code error}) and what a deployer may plug in ({@code spi}). Value types are immutable and thread-safe;
 * none prints a secret.
 */
package dev.printfarm.appconnection.api;
