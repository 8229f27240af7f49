/**
 * What streams: webcam images and MJPEG streams, and the printer's push sockets (OctoPrint's and Moonraker's) relayed
 * through OctoEverywhere, each with a bounded number per connection and reconnects that back off.
 *
 * <p>May use: {@code commandapi}, {@code config}, {@code error}, {@code internal}, {@code json}, {@code octoprint},
 * {@code platform}, {@code relay}, {@code route}, {@code store}.
 */
package dev.printfarm.appconnection.impl.live;
