package dev.printfarm.appconnection.api.stream;

import dev.printfarm.appconnection.api.event.PrinterPush;
import dev.printfarm.appconnection.api.fleet.PrintJob;
import dev.printfarm.appconnection.api.fleet.Temperature;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * A message of OctoPrint's push socket, typed. Unknown fields are ignored and every value is optional, as in the
 * REST client. Delivered to {@link PushListener}s and fired as {@link PrinterPush} CDI events.
 */
public sealed interface PushMessage {

    /** The socket is open: the printer's OctoPrint version. */
    record Connected(Optional<String> version) implements PushMessage {
        public Connected {
            Objects.requireNonNull(version, "version");
        }
    }

    /**
     * The printer's state: {@code current} frames (several a second while a job runs), or the {@code history} frame
     * after authentication.
     *
     * @param temperatures the latest sample per heater
     */
    record State(
            boolean history, PrintJob job, List<Temperature> temperatures, OptionalDouble currentZ, Instant receivedAt)
            implements PushMessage {
        public State {
            Objects.requireNonNull(job, "job");
            temperatures = List.copyOf(temperatures);
            Objects.requireNonNull(currentZ, "currentZ");
            Objects.requireNonNull(receivedAt, "receivedAt");
        }
    }

    /** An OctoPrint event such as {@code PrintStarted} or {@code PrintDone}; payload values as JSON text. */
    record Event(String type, Map<String, String> payload) implements PushMessage {
        public Event {
            Objects.requireNonNull(type, "type");
            payload = Map.copyOf(payload);
        }
    }

    /** A plugin's message, its data as JSON text. */
    record Plugin(String plugin, String data) implements PushMessage {
        public Plugin {
            Objects.requireNonNull(plugin, "plugin");
            Objects.requireNonNull(data, "data");
        }
    }
}
