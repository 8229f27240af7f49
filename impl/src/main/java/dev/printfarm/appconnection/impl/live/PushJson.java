package dev.printfarm.appconnection.impl.live;

import dev.printfarm.appconnection.api.fleet.PrintJob;
import dev.printfarm.appconnection.api.fleet.Temperature;
import dev.printfarm.appconnection.api.stream.PushMessage;
import dev.printfarm.appconnection.impl.json.Optionals;
import dev.printfarm.appconnection.impl.json.UnreadableJsonException;
import dev.printfarm.appconnection.impl.json.WireJson;
import dev.printfarm.appconnection.impl.octoprint.OctoPrintMapper;
import jakarta.json.JsonString;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** OctoPrint's push frames ({@link OctoPrintPushFrame}) as {@link PushMessage}s. */
public final class PushJson {

    private PushJson() {}

    /** The messages of one frame (usually one); empty for a frame that is not a JSON object. */
    public static List<PushMessage> parse(String frame, Instant receivedAt) {
        OctoPrintPushFrame f;
        try {
            f = WireJson.read(frame, OctoPrintPushFrame.class);
        } catch (UnreadableJsonException notAnObject) {
            return List.of();
        }
        List<PushMessage> messages = new ArrayList<>();
        if (f.connected() != null) {
            messages.add(
                    new PushMessage.Connected(Optional.ofNullable(f.connected().displayVersion())
                            .or(() -> Optional.ofNullable(f.connected().version()))));
        }
        if (f.current() != null) {
            messages.add(state(false, f.current(), receivedAt));
        }
        if (f.history() != null) {
            messages.add(state(true, f.history(), receivedAt));
        }
        if (f.event() != null && f.event().type() != null) {
            messages.add(
                    new PushMessage.Event(f.event().type(), flatten(f.event().payload())));
        }
        if (f.plugin() != null && f.plugin().plugin() != null) {
            messages.add(new PushMessage.Plugin(
                    f.plugin().plugin(),
                    f.plugin().data() == null ? "null" : f.plugin().data().toString()));
        }
        return messages;
    }

    private static PushMessage.State state(boolean history, OctoPrintPushFrame.State s, Instant receivedAt) {
        PrintJob job = OctoPrintMapper.job(
                Optional.ofNullable(s.state()).map(OctoPrintPushFrame.StateText::text), s.job(), s.progress());
        List<Temperature> temperatures = s.temps().isEmpty()
                ? List.of()
                : OctoPrintMapper.heaters(s.temps().get(s.temps().size() - 1).heaters());
        return new PushMessage.State(history, job, temperatures, Optionals.of(s.currentZ()), receivedAt);
    }

    private static Map<String, String> flatten(Map<String, jakarta.json.JsonValue> payload) {
        Map<String, String> values = new TreeMap<>();
        payload.forEach((k, v) -> values.put(k, v instanceof JsonString s ? s.getString() : v.toString()));
        return values;
    }
}
