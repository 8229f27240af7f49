package dev.printfarm.examples.farmapp;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The example's REST API, under {@code /api} of the web application. */
@ApplicationPath("api")
public class FarmApp extends Application {}
