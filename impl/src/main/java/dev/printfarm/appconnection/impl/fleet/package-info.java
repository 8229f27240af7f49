/**
 * The fleet monitor: every connection's {@code PrinterView}, refreshed once per cycle at a fixed phase
 * ({@code FleetSchedule}), asked per platform ({@code FleetQueries}, {@code PlatformLookup}), one connection at a time
 * ({@code FleetRefresh}), within a bound on refreshes in flight, and shared with the other servers of a cluster
 * ({@code FleetSharing}). Fires {@code PrinterViewChanged} on changes.
 *
 * <p>May use: {@code appapi}, {@code cluster}, {@code commandapi}, {@code config}, {@code error}, {@code internal},
 * {@code json}, {@code live}, {@code metrics}, {@code moonraker}, {@code octoprint}, {@code platform}, {@code relay},
 * {@code route}, {@code startup}, {@code store}.
 */
package dev.printfarm.appconnection.impl.fleet;
