package dev.printfarm.appconnection.impl.octoprint;

import dev.printfarm.appconnection.impl.json.OtherKeys;
import java.util.List;
import java.util.Map;

/** {@code GET /api/system/commands}: commands by group ({@code core}, {@code plugin}, {@code custom}, ...). */
public record OctoPrintSystemCommandsAnswer(@OtherKeys Map<String, List<Command>> groups) {

    /** One command; {@code confirm} is a text, or {@code false} for none. */
    public record Command(String action, String name, String source, String confirm) {}
}
