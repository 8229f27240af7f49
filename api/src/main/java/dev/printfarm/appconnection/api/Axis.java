package dev.printfarm.appconnection.api;

/** A printhead axis. */
public enum Axis {
    X,
    Y,
    Z
}
