/**
 * OctoPrint's REST API through an App Connection, in OctoPrint's own terms: {@link
 * dev.printfarm.appconnection.api.octoprint.OctoPrintClient} and the values of its endpoints (version, server, login,
 * serial connection, printer state, job, files, settings, profiles, system commands). Every value is read tolerantly:
 * OctoPrint 1.x and 2.0 answer in different shapes, and what is absent is empty. Clients are cheap to open and
 * thread-safe.
 */
package dev.printfarm.appconnection.api.octoprint;
