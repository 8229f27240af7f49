package dev.printfarm.appconnection.api.command;

import java.util.Objects;

/**
 * One of the printer's cameras as the command API lists them: {@code index} is what {@link PrinterCommands#snapshot(int)}
 * takes.
 */
public record CommandWebcam(
        int index, String name, boolean isDefault, boolean enabled, boolean flipH, boolean flipV, int rotation) {

    public CommandWebcam {
        Objects.requireNonNull(name, "name");
    }
}
