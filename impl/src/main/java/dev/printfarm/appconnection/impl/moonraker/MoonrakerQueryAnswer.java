package dev.printfarm.appconnection.impl.moonraker;

/** {@code POST /printer/objects/query}'s result: Klipper's clock and the objects. */
public record MoonrakerQueryAnswer(Double eventtime, MoonrakerObjects status) {}
