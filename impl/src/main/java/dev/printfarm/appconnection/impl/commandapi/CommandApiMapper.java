package dev.printfarm.appconnection.impl.commandapi;

import static dev.printfarm.appconnection.impl.json.Optionals.isTrue;

import dev.printfarm.appconnection.api.command.CommandFeature;
import dev.printfarm.appconnection.api.command.CommandFile;
import dev.printfarm.appconnection.api.command.CommandFileDetails;
import dev.printfarm.appconnection.api.command.CommandStatus;
import dev.printfarm.appconnection.api.command.CommandWebcam;
import dev.printfarm.appconnection.api.command.MaterialSystem;
import dev.printfarm.appconnection.impl.json.Optionals;
import dev.printfarm.appconnection.impl.json.WireJson;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/** The command API's results ({@code Command*Answer}) as the api's values. */
public final class CommandApiMapper {

    /** An envelope whose result is not read. */
    static final Type IGNORED = WireJson.type(CommandAnswer.class, CommandAnswer.Ignored.class);
    /** {@code status}'s envelope. */
    public static final Type STATUS = WireJson.type(CommandAnswer.class, CommandStatusAnswer.class);
    /** An upload's envelope. */
    static final Type FILE = WireJson.type(CommandAnswer.class, CommandFileAnswer.class);

    private CommandApiMapper() {}

    public static CommandStatus status(CommandStatusAnswer result) {
        CommandStatusAnswer.JobStatus job = result == null || result.jobStatus() == null
                ? new CommandStatusAnswer.JobStatus(null, null, null, List.of(), null)
                : result.jobStatus();
        List<CommandStatus.Light> lights = job.lights().stream()
                .filter(l -> l.name() != null)
                .map(l -> new CommandStatus.Light(l.name(), isTrue(l.on())))
                .toList();
        return new CommandStatus(
                state(job.state()),
                Optional.ofNullable(job.error()),
                Optional.ofNullable(job.currentPrint()).map(CommandApiMapper::print),
                lights,
                CommandFeature.of(result == null || result.features() == null ? 0 : result.features()),
                Optional.ofNullable(result == null ? null : result.platformVersion()),
                Optional.ofNullable(job.materialSystem()).map(CommandApiMapper::materialSystem));
    }

    static CommandStatus.State state(String text) {
        return switch (Objects.requireNonNullElse(text, "").toLowerCase(Locale.ROOT)) {
            case "idle" -> CommandStatus.State.IDLE;
            case "printing" -> CommandStatus.State.PRINTING;
            case "paused" -> CommandStatus.State.PAUSED;
            case "complete" -> CommandStatus.State.COMPLETE;
            case "cancelled" -> CommandStatus.State.CANCELLED;
            case "error" -> CommandStatus.State.ERROR;
            default -> CommandStatus.State.UNKNOWN;
        };
    }

    private static CommandStatus.Print print(CommandStatusAnswer.CurrentPrint p) {
        CommandStatusAnswer.Temps t = Objects.requireNonNullElse(
                p.temps(), new CommandStatusAnswer.Temps(null, null, null, null, null, null));
        return new CommandStatus.Print(
                Optional.ofNullable(p.fileName()),
                Optionals.of(p.progress()),
                Optional.ofNullable(p.durationSec()),
                Optional.ofNullable(p.timeLeftSec()),
                Optionals.of(p.currentLayer()),
                Optionals.of(p.totalLayers()),
                new CommandStatus.Temperatures(
                        Optionals.of(t.bedActual()),
                        Optionals.of(t.bedTarget()),
                        Optionals.of(t.hotendActual()),
                        Optionals.of(t.hotendTarget()),
                        Optionals.of(t.chamberActual()),
                        Optionals.of(t.chamberTarget())));
    }

    static MaterialSystem materialSystem(CommandMaterialAnswer m) {
        CommandMaterialAnswer.Capabilities c = Objects.requireNonNullElse(
                m.capabilities(), new CommandMaterialAnswer.Capabilities(null, null, null, null));
        List<MaterialSystem.Source> sources = new ArrayList<>();
        for (CommandMaterialAnswer.Source s : m.sources()) {
            if (s.id() != null) {
                Optional<MaterialSystem.Material> material = Optional.ofNullable(s.material())
                        .map(x -> new MaterialSystem.Material(
                                Optional.ofNullable(x.type()),
                                Optional.ofNullable(x.name()),
                                Optional.ofNullable(x.colorHex()),
                                Optionals.of(x.remainingPercent()),
                                Optional.ofNullable(x.manufacturer())));
                sources.add(new MaterialSystem.Source(
                        s.id(),
                        Objects.requireNonNullElse(s.index(), sources.size()),
                        Objects.requireNonNullElse(s.name(), s.id()),
                        Optional.ofNullable(s.unitId()),
                        isTrue(s.isEmpty()),
                        material));
            }
        }
        List<MaterialSystem.Tool> tools = new ArrayList<>();
        for (CommandMaterialAnswer.Tool t : m.tools()) {
            if (t.id() != null) {
                tools.add(new MaterialSystem.Tool(
                        t.id(),
                        Objects.requireNonNullElse(t.index(), tools.size()),
                        Objects.requireNonNullElse(t.name(), t.id()),
                        isTrue(t.isActive()),
                        Optionals.of(t.actualCelsius()),
                        Optionals.of(t.targetCelsius())));
            }
        }
        List<MaterialSystem.Unit> units = new ArrayList<>();
        for (CommandMaterialAnswer.Unit u : m.units()) {
            if (u.id() != null) {
                units.add(new MaterialSystem.Unit(
                        u.id(),
                        Objects.requireNonNullElse(u.index(), units.size()),
                        Objects.requireNonNullElse(u.name(), u.id()),
                        Optionals.of(u.humidityPercent()),
                        Optionals.of(u.temperatureCelsius()),
                        isTrue(u.isDrying())));
            }
        }
        List<MaterialSystem.Route> routes = m.routes().stream()
                .filter(r -> r.sourceId() != null && r.toolId() != null)
                .map(r -> new MaterialSystem.Route(r.sourceId(), r.toolId(), Optional.ofNullable(r.state())))
                .toList();
        return new MaterialSystem(
                new MaterialSystem.Capabilities(
                        isTrue(c.supportsMultiMaterial()),
                        isTrue(c.supportsMultiTool()),
                        isTrue(c.supportsSourceRouting()),
                        isTrue(c.supportsDrying())),
                sources,
                tools,
                units,
                routes);
    }

    static List<CommandWebcam> webcams(CommandWebcamsAnswer result) {
        int defaultIndex = result == null || result.defaultIndex() == null ? 0 : result.defaultIndex();
        List<CommandWebcamsAnswer.Webcam> list = result == null ? List.of() : result.webcams();
        List<CommandWebcam> webcams = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            CommandWebcamsAnswer.Webcam w = list.get(i);
            webcams.add(new CommandWebcam(
                    i,
                    Objects.requireNonNullElse(w.name(), "Webcam " + i),
                    i == defaultIndex,
                    !Boolean.FALSE.equals(w.enabled()),
                    isTrue(w.flipH()),
                    isTrue(w.flipV()),
                    Objects.requireNonNullElse(w.rotation(), 0)));
        }
        return webcams;
    }

    /** The files of the {@code gcode} root, folders flattened, in the order listed. */
    static List<CommandFile> files(CommandFilesAnswer result) {
        List<CommandFile> files = new ArrayList<>();
        for (CommandFileAnswer root : result == null ? List.<CommandFileAnswer>of() : result.root()) {
            if ("gcode".equalsIgnoreCase(root.name()) || "gcode".equalsIgnoreCase(root.virtualPath())) {
                collect(root, files);
            }
        }
        return files;
    }

    private static void collect(CommandFileAnswer folder, List<CommandFile> into) {
        for (CommandFileAnswer child : folder.children()) {
            if ("folder".equalsIgnoreCase(child.type())) {
                collect(child, into);
            } else {
                file(child).ifPresent(into::add);
            }
        }
    }

    static Optional<CommandFile> file(CommandFileAnswer f) {
        if (f == null || f.virtualPath() == null) {
            return Optional.empty();
        }
        String path = f.virtualPath();
        String name = Optional.ofNullable(f.name())
                .or(() -> Optional.ofNullable(f.fileName()))
                .orElse(path.substring(path.lastIndexOf('/') + 1));
        return Optional.of(new CommandFile(
                name,
                path,
                Optional.ofNullable(f.platformPath()),
                Optionals.of(f.sizeBytes()),
                Optional.ofNullable(f.modifiedTimeSec())));
    }

    static CommandFileDetails details(CommandFileAnswer d, String asked) {
        CommandFile file = file(d).orElseGet(() -> new CommandFile(
                asked.substring(asked.lastIndexOf('/') + 1),
                asked,
                Optional.empty(),
                OptionalLong.empty(),
                Optional.empty()));
        Optional<CommandFileAnswer> details = Optional.ofNullable(d);
        return new CommandFileDetails(
                file,
                details.map(CommandFileAnswer::estPrintTimeSec),
                Optionals.of(details.map(CommandFileAnswer::estFilamentUsedMm).orElse(null)),
                Optionals.of(details.map(CommandFileAnswer::layerCount).orElse(null)),
                Optionals.of(details.map(CommandFileAnswer::layerHeightMm).orElse(null)),
                details.map(CommandFileAnswer::filamentType),
                details.map(CommandFileAnswer::slicer));
    }
}
