/**
 * The fleet monitor's view of every printer, in no platform's terms: {@link
 * dev.printfarm.appconnection.api.fleet.PrinterView} (state, route, job, temperatures, last failure), kept current in
 * the background and read with {@link dev.printfarm.appconnection.api.AppConnectionService#fleet()}; each change is also
 * a {@link dev.printfarm.appconnection.api.event.PrinterViewChanged} event.
 */
package dev.printfarm.appconnection.api.fleet;
