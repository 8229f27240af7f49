/**
 * What runs each connection's printer (OctoPrint, Moonraker, or only the command API), learned once and kept.
 *
 * <p>May use: {@code commandapi}, {@code json}, {@code moonraker}, {@code octoprint}, {@code relay}, {@code route},
 * {@code store}.
 */
package dev.printfarm.appconnection.impl.platform;
