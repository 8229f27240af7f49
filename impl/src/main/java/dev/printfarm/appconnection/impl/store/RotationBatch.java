package dev.printfarm.appconnection.impl.store;

/** What one re-encryption batch did. */
public record RotationBatch(int reencrypted, int unreadable) {}
