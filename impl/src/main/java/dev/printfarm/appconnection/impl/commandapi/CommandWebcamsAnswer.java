package dev.printfarm.appconnection.impl.commandapi;

import java.util.List;

/** {@code GET webcam/list}'s result. */
public record CommandWebcamsAnswer(Integer defaultIndex, List<Webcam> webcams) {

    /** One camera. */
    public record Webcam(String name, Boolean enabled, Boolean flipH, Boolean flipV, Integer rotation) {}
}
