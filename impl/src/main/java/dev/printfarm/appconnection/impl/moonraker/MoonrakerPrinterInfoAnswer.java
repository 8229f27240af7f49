package dev.printfarm.appconnection.impl.moonraker;

import jakarta.json.bind.annotation.JsonbProperty;

/** {@code GET /printer/info}. */
public record MoonrakerPrinterInfoAnswer(
        String state,
        @JsonbProperty("state_message") String stateMessage,
        String hostname,
        @JsonbProperty("software_version") String softwareVersion,
        @JsonbProperty("cpu_info") String cpuInfo) {}
