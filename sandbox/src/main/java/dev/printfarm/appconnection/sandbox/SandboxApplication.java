package dev.printfarm.appconnection.sandbox;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** Portal and control resources; the relay and the App API are plain servlets because they answer 6xx. */
@ApplicationPath("/")
public class SandboxApplication extends Application {}
