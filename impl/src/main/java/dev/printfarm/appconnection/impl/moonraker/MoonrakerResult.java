package dev.printfarm.appconnection.impl.moonraker;

/** Moonraker's wrapper around every REST answer: {@code {"result": …}}. */
public record MoonrakerResult<T>(T result) {}
