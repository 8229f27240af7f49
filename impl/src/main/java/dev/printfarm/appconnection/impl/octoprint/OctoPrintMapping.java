package dev.printfarm.appconnection.impl.octoprint;

import dev.printfarm.appconnection.api.JobStatus;
import dev.printfarm.appconnection.api.OctoPrintVersion;
import dev.printfarm.appconnection.api.PrinterStatus;
import dev.printfarm.appconnection.api.Temperature;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/** From OctoPrint's JSON to the module's value types, tolerating whatever is missing. */
final class OctoPrintMapping {

    private OctoPrintMapping() {
    }

    static OctoPrintVersion version(OctoPrintDtos.Version v) {
        if (v == null) {
            return new OctoPrintVersion(Optional.empty(), Optional.empty(), Optional.empty());
        }
        return new OctoPrintVersion(text(v.server()), text(v.api()), text(v.text()));
    }

    static PrinterStatus printer(OctoPrintDtos.Printer p) {
        OctoPrintDtos.State state = p == null ? null : p.state();
        OctoPrintDtos.Flags flags = state == null || state.flags() == null
                ? new OctoPrintDtos.Flags(null, null, null, null, null, null, null, null) : state.flags();
        List<Temperature> temperatures = new ArrayList<>();
        if (p != null && p.temperature() != null) {
            for (Map.Entry<String, OctoPrintDtos.Heater> e : p.temperature().entrySet()) {
                OctoPrintDtos.Heater h = e.getValue();
                if (h != null) {
                    temperatures.add(new Temperature(e.getKey(), number(h.actual()), number(h.target())));
                }
            }
            temperatures.sort((a, b) -> a.heater().compareTo(b.heater()));
        }
        return new PrinterStatus(text(state == null ? null : state.text()), isTrue(flags.operational()),
                isTrue(flags.printing()), isTrue(flags.paused()) || isTrue(flags.pausing()), isTrue(flags.error()),
                temperatures);
    }

    static JobStatus job(OctoPrintDtos.Job j) {
        if (j == null) {
            return new JobStatus(Optional.empty(), Optional.empty(), OptionalDouble.empty(), OptionalLong.empty(),
                    OptionalLong.empty());
        }
        OctoPrintDtos.JobFile file = j.job() == null ? null : j.job().file();
        Optional<String> name = file == null ? Optional.empty() : text(file.name()).or(() -> text(file.display()));
        OctoPrintDtos.Progress p = j.progress();
        OptionalDouble completion = p == null ? OptionalDouble.empty() : number(p.completion());
        if (completion.isPresent()) {
            completion = OptionalDouble.of(Math.max(0, Math.min(100, completion.getAsDouble())));
        }
        return new JobStatus(text(j.state()), name, completion,
                seconds(p == null ? null : p.printTime()), seconds(p == null ? null : p.printTimeLeft()));
    }

    private static Optional<String> text(String s) {
        return s == null || s.isBlank() ? Optional.empty() : Optional.of(s);
    }

    private static OptionalDouble number(Double d) {
        return d == null || d.isNaN() || d.isInfinite() ? OptionalDouble.empty() : OptionalDouble.of(d);
    }

    private static OptionalLong seconds(Double d) {
        return d == null || d.isNaN() || d.isInfinite() || d < 0 ? OptionalLong.empty() : OptionalLong.of(Math.round(d));
    }

    private static boolean isTrue(Boolean b) {
        return Boolean.TRUE.equals(b);
    }
}
