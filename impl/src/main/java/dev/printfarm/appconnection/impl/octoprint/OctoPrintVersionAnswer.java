package dev.printfarm.appconnection.impl.octoprint;

/** {@code GET /api/version}; 2.0 dropped {@code api}. */
public record OctoPrintVersionAnswer(String server, String api, String text) {}
