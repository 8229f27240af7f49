package dev.printfarm.appconnection.sandbox.web;

import jakarta.json.Json;
import jakarta.json.JsonObject;

/** OctoEverywhere's own 6xx answers, shared by the relay and the App API. */
public final class OctoEverywhereErrors {

    private OctoEverywhereErrors() {}

    public static String message(int status) {
        return switch (status) {
            case 600 -> "Unknown OctoEverywhere server error.";
            case 601 -> "The printer is not connected to OctoEverywhere.";
            case 602 -> "OctoEverywhere's connection to the printer timed out.";
            case 603 -> "App connection not found.";
            case 604 -> "App connection revoked or expired.";
            case 605 -> "The printer owner is no longer an OctoEverywhere supporter.";
            case 606 -> "Relay credentials are missing or wrong.";
            case 607 -> "The response is over the account's download limit.";
            case 608 -> "The request is over the account's upload limit.";
            case 609 -> "The webcam was viewed too often back to back.";
            case 610 -> "The printer's OctoEverywhere plugin must be updated.";
            case 611 -> "No beta access.";
            case 612 -> "OctoEverywhere plugin error.";
            case 613 -> "There is no active print.";
            default -> "OctoEverywhere error " + status + ".";
        };
    }

    public static JsonObject body(int status) {
        return Json.createObjectBuilder().add("Error", message(status)).build();
    }
}
