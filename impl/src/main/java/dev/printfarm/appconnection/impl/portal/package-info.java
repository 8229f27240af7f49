/**
 * The App Connection portal flow: the URL that starts it, the callback servlet that receives the once-only
 * secrets (each parameter checked as hostile input, the flow bound to the browser that started it) and the purge of
 * old flows.
 *
 * <p>May use: {@code config}, {@code internal}, {@code metrics}, {@code octoprint}, {@code relay}, {@code route},
 * {@code startup}, {@code store}.
 */
package dev.printfarm.appconnection.impl.portal;
