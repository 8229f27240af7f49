/**
 * How a call reaches a printer: the one HTTP transport the module builds (its threads bounded, no retry policy beneath
 * the module's own), the Rest Clients on top of it, and the choice per connection between the relay and the LAN
 * ({@code RouteTable}, with hysteresis; {@code LanPolicy} refuses addresses of this server's own network).
 *
 * <p>May use: {@code appapi}, {@code config}, {@code error}, {@code internal}, {@code json}, {@code live},
 * {@code metrics}, {@code relay}, {@code store}.
 */
package dev.printfarm.appconnection.impl.route;
