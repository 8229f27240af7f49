package dev.printfarm.appconnection.sandbox.lan;

import java.util.SortedMap;

/** One request to the LAN face with the status it got; the headers are kept as received, secrets included. */
public record LoggedLanRequest(String printerId, String method, String path, int status,
                               SortedMap<String, String> headers) {
}
