package dev.printfarm.appconnection.sandbox.octoprint;

import java.util.Set;

/** The OctoPrint endpoints the emulated printers answer, with the methods each allows (HEAD wherever GET is). */
public enum Endpoint {
    VERSION("GET"),
    SERVER("GET"),
    LOGIN("POST"),
    CONNECTION("GET", "POST"),
    PRINTER("GET"),
    TOOL("POST"),
    BED("POST"),
    CHAMBER("POST"),
    PRINTHEAD("POST"),
    COMMAND("POST"),
    JOB("GET", "POST"),
    FILES("GET"),
    FILES_AT_LOCATION("GET", "POST"),
    FILE("GET", "POST", "DELETE"),
    DOWNLOAD("GET"),
    SETTINGS("GET"),
    WEBCAMS("GET"),
    PRINTER_PROFILES("GET"),
    SYSTEM_COMMANDS("GET"),
    SYSTEM_COMMAND("POST"),
    PLUGIN("GET");

    private final Set<String> methods;

    Endpoint(String... methods) {
        this.methods = Set.of(methods);
    }

    public boolean allows(String method) {
        return methods.contains(method) || ("HEAD".equals(method) && methods.contains("GET"));
    }
}
