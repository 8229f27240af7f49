package dev.printfarm.appconnection.impl.commandapi;

import java.util.List;

/** {@code GET files/list}'s result: the roots ({@code gcode}, ...) with their trees. */
public record CommandFilesAnswer(List<CommandFileAnswer> root) {}
