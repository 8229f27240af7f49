package dev.printfarm.appconnection.impl.octoprint;

/** {@code GET /api/server}; {@code safemode} is the reason as a text, or {@code false}/{@code null} outside safe mode. */
public record OctoPrintServerAnswer(String version, String safemode) {}
