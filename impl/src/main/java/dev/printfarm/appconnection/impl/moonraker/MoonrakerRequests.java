package dev.printfarm.appconnection.impl.moonraker;

import java.util.List;
import java.util.Map;

/** The bodies this module sends Moonraker. */
public final class MoonrakerRequests {

    private MoonrakerRequests() {}

    /** {@code printer.objects.query} and {@code subscribe}: the attributes wanted per object. */
    public record Objects(Map<String, List<String>> objects) {}

    /** {@code POST /printer/print/start}. */
    public record Start(String filename) {}
}
