package dev.printfarm.appconnection.sandbox.outage;

import java.time.Instant;

/** A request an outage refused: when, what, and from which client port (one per TCP connection). */
public record RefusedRequest(Instant time, String method, String path, int clientPort) {}
