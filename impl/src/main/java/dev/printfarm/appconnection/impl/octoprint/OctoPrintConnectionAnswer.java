package dev.printfarm.appconnection.impl.octoprint;

import java.util.List;

/**
 * {@code GET /api/connection}. 1.x: {@code current.port/baudrate/printerProfile} and {@code options.ports/baudrates/
 * printerProfiles/autoconnect}; 2.0: {@code current.parameters.port/baudrate}, {@code current.profile}, the choices
 * per connector under {@code options.connectors[].parameters} and {@code options.profiles}.
 */
public record OctoPrintConnectionAnswer(Current current, Options options) {

    /** The connection now. */
    public record Current(
            String state,
            String port,
            Integer baudrate,
            String printerProfile,
            String connector,
            Parameters parameters,
            String profile) {}

    /** 2.0: a connector's port and baudrate. */
    public record Parameters(String port, Integer baudrate) {}

    /** What may be chosen. */
    public record Options(
            List<String> ports,
            List<Integer> baudrates,
            List<Profile> printerProfiles,
            List<Profile> profiles,
            Boolean autoconnect,
            List<Connector> connectors) {}

    /** 2.0: a connector and its choices. */
    public record Connector(String connector, Choices parameters) {}

    /** 2.0: a connector's ports and baudrates. */
    public record Choices(List<String> port, List<Integer> baudrate) {}

    /** A printer profile offered. */
    public record Profile(String id) {}
}
