package dev.printfarm.appconnection.sandbox.gadget;

import java.time.Instant;

/** One call of {@code GetStatusFromAppConnection} that named a known connection, whatever it was answered. */
public record GadgetCall(String connectionId, Instant time) {}
