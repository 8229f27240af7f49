package dev.printfarm.appconnection.impl.octoprint;

import static dev.printfarm.appconnection.impl.json.Optionals.isTrue;

import dev.printfarm.appconnection.api.OctoEverywherePlugin;
import dev.printfarm.appconnection.api.fleet.PrintJob;
import dev.printfarm.appconnection.api.fleet.Temperature;
import dev.printfarm.appconnection.api.octoprint.OctoPrintFile;
import dev.printfarm.appconnection.api.octoprint.OctoPrintFiles;
import dev.printfarm.appconnection.api.octoprint.OctoPrintLogin;
import dev.printfarm.appconnection.api.octoprint.OctoPrintPrinterState;
import dev.printfarm.appconnection.api.octoprint.OctoPrintProfile;
import dev.printfarm.appconnection.api.octoprint.OctoPrintSerialConnection;
import dev.printfarm.appconnection.api.octoprint.OctoPrintServer;
import dev.printfarm.appconnection.api.octoprint.OctoPrintSettings;
import dev.printfarm.appconnection.api.octoprint.OctoPrintStorage;
import dev.printfarm.appconnection.api.octoprint.OctoPrintSystemCommand;
import dev.printfarm.appconnection.api.octoprint.OctoPrintTemperatureSample;
import dev.printfarm.appconnection.api.octoprint.OctoPrintUploadResult;
import dev.printfarm.appconnection.api.octoprint.OctoPrintVersion;
import dev.printfarm.appconnection.api.octoprint.OctoPrintWebcamSettings;
import dev.printfarm.appconnection.impl.json.Optionals;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.function.Function;

/**
 * OctoPrint's answers ({@code OctoPrint*Answer}) as the api's values. Where OctoPrint 1.x and 2.0 differ (file lists
 * as arrays or maps, {@code sd} or {@code storage}, {@code sdcard} or {@code printer}, the webcam in {@code webcam} or
 * the {@code classicwebcam} plugin, the serial choices per connector) both shapes are mapped.
 */
public final class OctoPrintMapper {

    private static final OctoPrintConnectionAnswer.Current NO_CURRENT =
            new OctoPrintConnectionAnswer.Current(null, null, null, null, null, null, null);
    private static final OctoPrintConnectionAnswer.Options NO_OPTIONS =
            new OctoPrintConnectionAnswer.Options(List.of(), List.of(), List.of(), List.of(), null, List.of());

    private OctoPrintMapper() {}

    public static OctoPrintVersion version(OctoPrintVersionAnswer v) {
        return new OctoPrintVersion(
                Optional.ofNullable(v.server()), Optional.ofNullable(v.api()), Optional.ofNullable(v.text()));
    }

    public static OctoPrintServer server(OctoPrintServerAnswer s) {
        return new OctoPrintServer(Optional.ofNullable(s.version()), Optional.ofNullable(s.safemode()));
    }

    public static OctoPrintLogin login(OctoPrintLoginAnswer l) {
        LinkedHashSet<String> groups = new LinkedHashSet<>(l.groups());
        return new OctoPrintLogin(
                Objects.requireNonNullElse(l.name(), ""),
                Optional.ofNullable(l.session()),
                l.active() == null || l.active(),
                isTrue(l.admin()) || groups.contains("admins"),
                groups);
    }

    public static OctoPrintSerialConnection connection(OctoPrintConnectionAnswer c) {
        OctoPrintConnectionAnswer.Current current = Objects.requireNonNullElse(c.current(), NO_CURRENT);
        OctoPrintConnectionAnswer.Options options = Objects.requireNonNullElse(c.options(), NO_OPTIONS);
        Optional<OctoPrintConnectionAnswer.Choices> choices = options.connectors().stream()
                .filter(k -> current.connector() == null || current.connector().equals(k.connector()))
                .findFirst()
                .map(OctoPrintConnectionAnswer.Connector::parameters);
        Optional<OctoPrintConnectionAnswer.Parameters> parameters = Optional.ofNullable(current.parameters());
        List<String> ports = !options.ports().isEmpty()
                ? options.ports()
                : choices.map(OctoPrintConnectionAnswer.Choices::port).orElse(List.of());
        List<Integer> baudrates = !options.baudrates().isEmpty()
                ? options.baudrates()
                : choices.map(OctoPrintConnectionAnswer.Choices::baudrate).orElse(List.of());
        List<OctoPrintConnectionAnswer.Profile> profiles =
                !options.printerProfiles().isEmpty() ? options.printerProfiles() : options.profiles();
        return new OctoPrintSerialConnection(
                Objects.requireNonNullElse(current.state(), ""),
                Optional.ofNullable(current.port())
                        .or(() -> parameters.map(OctoPrintConnectionAnswer.Parameters::port)),
                Optionals.of(
                        current.baudrate() != null
                                ? current.baudrate()
                                : parameters
                                        .map(OctoPrintConnectionAnswer.Parameters::baudrate)
                                        .orElse(null)),
                Optional.ofNullable(current.printerProfile()).or(() -> Optional.ofNullable(current.profile())),
                ports,
                baudrates,
                profiles.stream()
                        .map(OctoPrintConnectionAnswer.Profile::id)
                        .filter(Objects::nonNull)
                        .toList(),
                isTrue(options.autoconnect()));
    }

    public static OctoPrintPrinterState printer(OctoPrintPrinterAnswer p) {
        Optional<OctoPrintPrinterAnswer.State> state = Optional.ofNullable(p.state());
        OctoPrintPrinterAnswer.Flags flags = state.map(OctoPrintPrinterAnswer.State::flags)
                .orElse(new OctoPrintPrinterAnswer.Flags(null, null, null, null, null));
        Optional<OctoPrintPrinterAnswer.Temperatures> temperature = Optional.ofNullable(p.temperature());
        List<OctoPrintTemperatureSample> history = new ArrayList<>();
        temperature.map(OctoPrintPrinterAnswer.Temperatures::history).orElse(List.of()).stream()
                .filter(sample -> sample.time() != null)
                .forEach(sample ->
                        history.add(new OctoPrintTemperatureSample(sample.time(), heaters(sample.heaters()))));
        history.sort(Comparator.comparing(OctoPrintTemperatureSample::time));
        return new OctoPrintPrinterState(
                state.map(OctoPrintPrinterAnswer.State::text),
                isTrue(flags.operational()),
                isTrue(flags.printing()),
                isTrue(flags.paused()) || isTrue(flags.pausing()),
                isTrue(flags.error()),
                heaters(temperature
                        .map(OctoPrintPrinterAnswer.Temperatures::heaters)
                        .orElse(Map.of())),
                storageReady(p),
                history);
    }

    /** 1.x: {@code sd.ready}; 2.0: {@code storage.printer.ready} (or {@code storage.ready}). */
    private static Optional<Boolean> storageReady(OctoPrintPrinterAnswer p) {
        Optional<OctoPrintPrinterAnswer.Storage> storage = Optional.ofNullable(p.storage());
        return Optional.ofNullable(p.sd())
                .map(OctoPrintPrinterAnswer.Ready::ready)
                .or(() -> storage.map(OctoPrintPrinterAnswer.Storage::printer).map(OctoPrintPrinterAnswer.Ready::ready))
                .or(() -> storage.map(OctoPrintPrinterAnswer.Storage::ready));
    }

    /** Heaters ({@code tool0}, {@code bed}, ...) by name. */
    public static List<Temperature> heaters(Map<String, OctoPrintPrinterAnswer.Heater> heaters) {
        List<Temperature> named = new ArrayList<>();
        heaters.forEach((name, h) -> named.add(
                new Temperature(name, Optionals.of(h.actual()), Optionals.of(h.target()), Optionals.of(h.offset()))));
        named.sort(Comparator.comparing(Temperature::heater));
        return named;
    }

    public static PrintJob job(OctoPrintJobAnswer j) {
        return job(Optional.ofNullable(j.state()), j.job(), j.progress());
    }

    /** A job from its parts, as {@code /api/job} and the push socket's state frames carry them. */
    public static PrintJob job(
            Optional<String> state, OctoPrintJobAnswer.Job job, OctoPrintJobAnswer.Progress progress) {
        Optional<OctoPrintJobAnswer.File> file = Optional.ofNullable(job).map(OctoPrintJobAnswer.Job::file);
        Optional<OctoPrintJobAnswer.Progress> done = Optional.ofNullable(progress);
        OptionalDouble completion =
                Optionals.of(done.map(OctoPrintJobAnswer.Progress::completion).orElse(null));
        return new PrintJob(
                state,
                file.map(OctoPrintJobAnswer.File::name).or(() -> file.map(OctoPrintJobAnswer.File::display)),
                completion,
                seconds(done.map(OctoPrintJobAnswer.Progress::printTime)),
                seconds(done.map(OctoPrintJobAnswer.Progress::printTimeLeft)));
    }

    private static OptionalLong seconds(Optional<Double> seconds) {
        return seconds.map(s -> OptionalLong.of(Math.round(s))).orElse(OptionalLong.empty());
    }

    /**
     * A listing in any of its shapes ({@link OctoPrintFilesAnswer}); {@code free}/{@code total} at the top, else from
     * the local storage's usage (else the first storage's).
     */
    public static OctoPrintFiles files(OctoPrintFilesAnswer listing, Optional<OctoPrintStorage> location) {
        if (listing.isSingleStorage()) {
            return storages(Map.of(Objects.requireNonNullElse(listing.key(), ""), listing.asStorage()), location);
        }
        if (!listing.files().isEmpty() && listing.files().stream().allMatch(OctoPrintFileEntry::isStorage)) {
            Map<String, OctoPrintFileEntry> byKey = new java.util.LinkedHashMap<>();
            listing.files().forEach(s -> byKey.put(Objects.requireNonNullElse(s.key(), ""), s));
            return storages(byKey, location);
        }
        if (listing.files().isEmpty()
                && !listing.storages().isEmpty()
                && listing.storages().values().stream().allMatch(OctoPrintFileEntry::isStorage)) {
            return storages(listing.storages(), location);
        }
        return new OctoPrintFiles(
                entries(listing.files(), location), Optionals.of(listing.free()), Optionals.of(listing.total()));
    }

    private static OctoPrintFiles storages(
            Map<String, OctoPrintFileEntry> storages, Optional<OctoPrintStorage> requested) {
        List<OctoPrintFile> files = new ArrayList<>();
        OptionalLong free = OptionalLong.empty();
        OptionalLong total = OptionalLong.empty();
        for (Map.Entry<String, OctoPrintFileEntry> e : storages.entrySet()) {
            OctoPrintFileEntry storage = e.getValue();
            Optional<OctoPrintStorage> location = Optional.ofNullable(storage.key())
                    .or(() -> Optional.of(e.getKey()))
                    .flatMap(OctoPrintLocations::parse)
                    .or(() -> requested);
            files.addAll(entries(storage.files(), location));
            if (storage.usage() != null && (free.isEmpty() || location.equals(Optional.of(OctoPrintStorage.LOCAL)))) {
                free = Optionals.of(storage.usage().free());
                total = Optionals.of(storage.usage().total());
            }
        }
        return new OctoPrintFiles(files, free, total);
    }

    /** One entry ({@code GET /api/files/{location}/{path}}); empty when the answer has no name. */
    public static Optional<OctoPrintFile> file(OctoPrintFileEntry entry, OctoPrintStorage location) {
        return entry(entry, Optional.of(location));
    }

    public static OctoPrintUploadResult upload(OctoPrintUploadAnswer answer, OctoPrintStorage location) {
        Optional<OctoPrintFile> file =
                Optional.ofNullable(answer.file()).flatMap(entry -> entry(entry, Optional.of(location)));
        if (file.isEmpty()) {
            Function<String, Optional<OctoPrintFile>> stored = key ->
                    Optional.ofNullable(answer.files().get(key)).flatMap(entry -> entry(entry, Optional.of(location)));
            file = OctoPrintLocations.names(location).stream()
                    .map(stored)
                    .flatMap(Optional::stream)
                    .findFirst()
                    .or(() ->
                            answer.files().values().stream().findFirst().flatMap(e -> entry(e, Optional.of(location))));
        }
        return new OctoPrintUploadResult(
                file,
                answer.done() == null || answer.done(),
                isTrue(answer.effectiveSelect()),
                isTrue(answer.effectivePrint()));
    }

    private static List<OctoPrintFile> entries(List<OctoPrintFileEntry> files, Optional<OctoPrintStorage> location) {
        return files.stream()
                .map(entry -> entry(entry, location))
                .flatMap(Optional::stream)
                .toList();
    }

    private static Optional<OctoPrintFile> entry(OctoPrintFileEntry o, Optional<OctoPrintStorage> context) {
        if (o.name() == null) {
            return Optional.empty();
        }
        OctoPrintStorage location = Optional.ofNullable(o.origin())
                .flatMap(OctoPrintLocations::parse)
                .or(() -> context)
                .orElse(OctoPrintStorage.LOCAL);
        List<OctoPrintFile> children = entries(o.children(), Optional.of(location));
        return Optional.of(new OctoPrintFile(
                o.name(),
                Objects.requireNonNullElse(o.path(), o.name()),
                Optional.ofNullable(o.display()),
                location,
                type(o.type(), !children.isEmpty(), o.name()),
                Optionals.of(o.size()),
                Optional.ofNullable(o.date()),
                Optionals.of(
                        o.gcodeAnalysis() == null ? null : o.gcodeAnalysis().estimatedPrintTime()),
                children));
    }

    /** Upload answers carry no {@code type}: then a folder has children and G-code is known by its extension. */
    private static OctoPrintFile.Type type(String type, boolean hasChildren, String name) {
        if (type == null) {
            String lower = name.toLowerCase(Locale.ROOT);
            return hasChildren
                    ? OctoPrintFile.Type.FOLDER
                    : lower.endsWith(".gcode") || lower.endsWith(".gco") || lower.endsWith(".g")
                            ? OctoPrintFile.Type.MACHINECODE
                            : OctoPrintFile.Type.OTHER;
        }
        return switch (type.toLowerCase(Locale.ROOT)) {
            case "folder" -> OctoPrintFile.Type.FOLDER;
            case "machinecode" -> OctoPrintFile.Type.MACHINECODE;
            case "model" -> OctoPrintFile.Type.MODEL;
            default -> OctoPrintFile.Type.OTHER;
        };
    }

    public static OctoPrintSettings settings(OctoPrintSettingsAnswer s) {
        Optional<OctoPrintSettingsAnswer.Appearance> appearance = Optional.ofNullable(s.appearance());
        return new OctoPrintSettings(
                appearance.map(OctoPrintSettingsAnswer.Appearance::name),
                appearance.map(OctoPrintSettingsAnswer.Appearance::color),
                webcam(s),
                s.plugins().keySet());
    }

    /** 1.x: {@code webcam.streamUrl/snapshotUrl}; later: {@code plugins.classicwebcam.stream/snapshot}. */
    private static Optional<OctoPrintWebcamSettings> webcam(OctoPrintSettingsAnswer s) {
        Optional<OctoPrintSettingsAnswer.Webcam> webcam = Optional.ofNullable(s.webcam());
        Optional<OctoPrintSettingsAnswer.Plugin> classic =
                Optional.ofNullable(s.plugins().get("classicwebcam"));
        Optional<String> stream = webcam.map(OctoPrintSettingsAnswer.Webcam::streamUrl)
                .or(() -> classic.map(OctoPrintSettingsAnswer.Plugin::stream));
        Optional<String> snapshot = webcam.map(OctoPrintSettingsAnswer.Webcam::snapshotUrl)
                .or(() -> classic.map(OctoPrintSettingsAnswer.Plugin::snapshot));
        if (stream.isEmpty() && snapshot.isEmpty() && webcam.isEmpty() && classic.isEmpty()) {
            return Optional.empty();
        }
        boolean enabled = webcam.map(OctoPrintSettingsAnswer.Webcam::webcamEnabled)
                .or(() -> webcam.map(OctoPrintSettingsAnswer.Webcam::enabled))
                .orElse(stream.isPresent());
        if (webcam.isPresent() && webcam.get().flipH() != null || classic.isEmpty()) {
            OctoPrintSettingsAnswer.Webcam w =
                    webcam.orElse(new OctoPrintSettingsAnswer.Webcam(null, null, null, null, null, null, null));
            return Optional.of(new OctoPrintWebcamSettings(
                    enabled, stream, snapshot, isTrue(w.flipH()), isTrue(w.flipV()), isTrue(w.rotate90())));
        }
        OctoPrintSettingsAnswer.Plugin c = classic.get();
        return Optional.of(new OctoPrintWebcamSettings(
                enabled, stream, snapshot, isTrue(c.flipH()), isTrue(c.flipV()), isTrue(c.rotate90())));
    }

    public static List<OctoPrintProfile> printerProfiles(OctoPrintProfilesAnswer p) {
        List<OctoPrintProfile> profiles = new ArrayList<>();
        for (OctoPrintProfilesAnswer.Profile profile : p.profiles()) {
            if (profile.id() == null) {
                continue;
            }
            Optional<OctoPrintProfilesAnswer.Volume> volume = Optional.ofNullable(profile.volume());
            Integer extruders =
                    profile.extruder() == null ? null : profile.extruder().count();
            profiles.add(new OctoPrintProfile(
                    profile.id(),
                    Objects.requireNonNullElse(profile.name(), profile.id()),
                    Optional.ofNullable(profile.model()),
                    isTrue(profile.current()),
                    isTrue(profile.isDefault()),
                    isTrue(profile.heatedBed()),
                    isTrue(profile.heatedChamber()),
                    Math.max(0, Objects.requireNonNullElse(extruders, 1)),
                    Optionals.of(
                            volume.map(OctoPrintProfilesAnswer.Volume::width).orElse(null)),
                    Optionals.of(
                            volume.map(OctoPrintProfilesAnswer.Volume::depth).orElse(null)),
                    Optionals.of(
                            volume.map(OctoPrintProfilesAnswer.Volume::height).orElse(null))));
        }
        profiles.sort(Comparator.comparing(OctoPrintProfile::id));
        return profiles;
    }

    public static List<OctoPrintSystemCommand> systemCommands(OctoPrintSystemCommandsAnswer c) {
        List<OctoPrintSystemCommand> commands = new ArrayList<>();
        c.groups().forEach((group, listed) -> {
            for (OctoPrintSystemCommandsAnswer.Command command : listed) {
                if (command.action() != null && !isDivider(command)) {
                    commands.add(new OctoPrintSystemCommand(
                            Objects.requireNonNullElse(command.source(), group),
                            command.action(),
                            Objects.requireNonNullElse(command.name(), command.action()),
                            Optional.ofNullable(command.confirm())));
                }
            }
        });
        return commands;
    }

    /**
     * A separator of OctoPrint's system menu: a custom entry configured as {@code action: divider}, listed as
     * {@code divider_1}, {@code divider_2}, ... without a name. It has nothing to run.
     */
    private static boolean isDivider(OctoPrintSystemCommandsAnswer.Command command) {
        return command.name() == null && command.action().matches("divider(_\\d+)?");
    }

    public static Optional<OctoEverywherePlugin> plugin(OctoEverywherePluginAnswer p) {
        return Optional.ofNullable(p.printerId())
                .map(id -> new OctoEverywherePlugin(id, Optional.ofNullable(p.pluginVersion())));
    }
}
