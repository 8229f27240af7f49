/**
 * Work shared by several servers on one database: leases for work that runs once per cluster ({@code Leases}), and
 * feeds of shared items ({@code SharedFeed}) through which the server doing the work tells the others what it
 * learned (fleet views, Gadget answers, opened-connection changes). With an embedded store, everything runs here.
 *
 * <p>May use: {@code config}, {@code store}.
 */
package dev.printfarm.appconnection.impl.cluster;
