package dev.printfarm.appconnection.sandbox.printer;

import java.util.Arrays;
import java.util.Optional;

/**
 * Which OctoPrint generation a printer pretends to run. The 2.0 variant emulates the differences OctoPrint has
 * announced for 2.0 (files as a map, {@code storage} instead of {@code sd}, sizes as strings, {@code printer} as the
 * origin of files on the printer); it is not a copy of a real 2.0 server.
 */
public enum OctoPrintVersion {
    V1("1", "1.10.3"),
    V2("2", "2.0.0");

    private final String code;
    private final String serverVersion;

    OctoPrintVersion(String code, String serverVersion) {
        this.code = code;
        this.serverVersion = serverVersion;
    }

    public String code() {
        return code;
    }

    public String serverVersion() {
        return serverVersion;
    }

    public static Optional<OctoPrintVersion> of(String code) {
        return Arrays.stream(values())
                .filter(version -> version.code.equals(code))
                .findFirst();
    }
}
