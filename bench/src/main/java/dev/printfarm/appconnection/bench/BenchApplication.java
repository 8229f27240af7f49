package dev.printfarm.appconnection.bench;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The bench's control API at {@code /bench/api}: start a step, follow it, see whether the server is ready. */
@ApplicationPath("api")
public class BenchApplication extends Application {}
