package dev.printfarm.appconnection.sandbox.lan;

import java.util.Optional;
import java.util.SortedMap;

/**
 * One request to the LAN face with the status it got; the headers are kept as received, secrets included.
 *
 * @param printerId the printer addressed, empty when a LAN address matched no printer (or several)
 * @param lanIp     the LAN address in the path, for requests to {@code /lan-ip/{ip}/…}
 */
public record LoggedLanRequest(
        String printerId,
        Optional<String> lanIp,
        String method,
        String path,
        int status,
        SortedMap<String, String> headers) {}
