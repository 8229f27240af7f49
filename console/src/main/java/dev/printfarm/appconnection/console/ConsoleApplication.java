package dev.printfarm.appconnection.console;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The console's JSON API, under {@code /console/api}. */
@ApplicationPath("/api")
public class ConsoleApplication extends Application {}
