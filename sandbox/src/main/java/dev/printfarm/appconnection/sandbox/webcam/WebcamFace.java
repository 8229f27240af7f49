package dev.printfarm.appconnection.sandbox.webcam;

/** Which way a webcam request reached the printer; only the relay applies OctoEverywhere's webcam rules. */
public enum WebcamFace {
    RELAY,
    LAN
}
