/**
 * Gadget, OctoEverywhere's AI print-failure detection: status calls and watches that poll it while a print runs, once
 * per cluster, and end when the print ends or the connection goes.
 *
 * <p>May use: {@code appapi}, {@code cluster}, {@code commandapi}, {@code config}, {@code error}, {@code fleet},
 * {@code internal}, {@code json}, {@code live}, {@code metrics}, {@code moonraker}, {@code octoprint},
 * {@code platform}, {@code startup}, {@code store}.
 */
package dev.printfarm.appconnection.impl.gadget;
