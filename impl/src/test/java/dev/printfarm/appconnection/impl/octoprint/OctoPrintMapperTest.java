package dev.printfarm.appconnection.impl.octoprint;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import dev.printfarm.appconnection.impl.json.WireJson;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * OctoPrint's answers as recorded in {@code src/test/resources/octoprint} (see {@code SHAPES.md} there), read by the
 * module's JSON policy into the wire records and mapped to the api's values.
 */
class OctoPrintMapperTest {

    // ------------------------------------------------------------------ /api/version, /api/server

    @ParameterizedTest
    @CsvSource({"v1, 1.10.3, OctoPrint 1.10.3", "v2-unversioned, 2.0.0, OctoPrint 2.0.0"})
    void versionReadsServerApiAndText(String dir, String server, String text) {
        OctoPrintVersion version = Parsed.version(fixture(dir, "version.json"));
        assertEquals(Optional.of(server), version.server());
        assertEquals(Optional.of("0.1"), version.api());
        assertEquals(Optional.of(text), version.text());
    }

    @Test
    void versionIn2_0HasNoApiFieldButTheServerVersionSaysTwoOrLater() {
        OctoPrintVersion version = Parsed.version(fixture("v2", "version.json"));
        assertEquals(Optional.of("2.0.0"), version.server());
        assertEquals(Optional.empty(), version.api());
        assertEquals(Optional.of("OctoPrint 2.0.0"), version.text());
        assertTrue(OctoPrintLocations.twoOrLater(version.server()));
        assertFalse(OctoPrintLocations.twoOrLater(
                Parsed.version(fixture("v1", "version.json")).server()));
    }

    @ParameterizedTest
    @CsvSource({"v1, 1.10.3", "v2, 2.0.0"})
    void serverOutsideSafeModeHasNoSafeModeReason(String dir, String version) {
        OctoPrintServer server = Parsed.server(fixture(dir, "server.json"));
        assertEquals(Optional.of(version), server.version());
        assertEquals(Optional.empty(), server.safeMode(), "safemode: false is no reason");
    }

    @ParameterizedTest
    @CsvSource({"v1, 1.10.3, incomplete_startup", "v2, 2.0.0, flag"})
    void serverInSafeModeGivesTheReason(String dir, String version, String reason) {
        OctoPrintServer server = Parsed.server(fixture(dir, "server-safemode.json"));
        assertEquals(Optional.of(version), server.version());
        assertEquals(Optional.of(reason), server.safeMode());
    }

    // ------------------------------------------------------------------ /api/login

    @Test
    void loginIn1_xReadsNameAdminGroupsAndSession() {
        OctoPrintLogin login = Parsed.login(fixture("v1", "login.json"));
        assertEquals("farmbot", login.name());
        assertEquals(Optional.of("81c4260f2bc8a019664a8758b81331437cfe729bf32798d35d8c8d5d9dfac4a7"), login.session());
        assertTrue(login.active());
        assertTrue(login.admin());
        assertEquals(Set.of("admins", "users"), login.groups());
    }

    @Test
    void loginIn2_0WithoutAdminFlagIsNoAdminForAPlainUser() {
        OctoPrintLogin login = Parsed.login(fixture("v2", "login.json"));
        assertEquals("maria", login.name());
        assertEquals(Optional.of("85a5861ee944f1a233f223cfa4a767ca9bebbed32926537d89d717042b40e0d2"), login.session());
        assertTrue(login.active());
        assertFalse(login.admin());
        assertEquals(Set.of("users"), login.groups());
    }

    @Test
    void loginIn2_0IsAdminWhenInTheAdminsGroup() {
        JsonObject answer = with(
                fixture("v2", "login.json"),
                "groups",
                jakarta.json.Json.createArrayBuilder()
                        .add("admins")
                        .add("users")
                        .build());
        assertTrue(Parsed.login(answer).admin());
    }

    @ParameterizedTest
    @ValueSource(strings = {"v1", "v2"})
    void loginSessionIsPresentButNeverInToString(String dir) {
        OctoPrintLogin login = Parsed.login(fixture(dir, "login.json"));
        String session = login.session().orElseThrow();
        assertFalse(login.toString().contains(session), login.toString());
        assertFalse(login.toString().contains(session.substring(0, 8)), login.toString());
        assertTrue(login.toString().contains("session=***"), login.toString());
    }

    // ------------------------------------------------------------------ /api/connection

    private static final List<Integer> BAUDRATES = List.of(250000, 230400, 115200, 57600, 38400, 19200, 9600);

    @Test
    void connectionIn1_xReadsCurrentPortBaudrateProfileAndTheChoices() {
        OctoPrintSerialConnection c = Parsed.connection(fixture("v1", "connection.json"));
        assertEquals("Printing", c.state());
        assertTrue(c.connected());
        assertEquals(Optional.of("/dev/ttyACM0"), c.port());
        assertEquals(OptionalInt.of(115200), c.baudrate());
        assertEquals(Optional.of("workshop_idex"), c.printerProfile());
        assertEquals(List.of("/dev/ttyACM0", "/dev/ttyAMA0"), c.availablePorts());
        assertEquals(BAUDRATES, c.availableBaudrates());
        assertEquals(List.of("_default", "workshop_idex"), c.availableProfiles());
        assertTrue(c.autoconnect());
    }

    @Test
    void closedConnectionIn1_xHasNoPortOrBaudrateButKeepsProfileAndChoices() {
        OctoPrintSerialConnection c = Parsed.connection(fixture("v1", "connection-closed.json"));
        assertEquals("Closed", c.state());
        assertFalse(c.connected());
        assertEquals(Optional.empty(), c.port());
        assertEquals(OptionalInt.empty(), c.baudrate());
        assertEquals(Optional.of("_default"), c.printerProfile());
        assertEquals(List.of(), c.availablePorts());
        assertEquals(BAUDRATES, c.availableBaudrates());
        assertEquals(List.of("_default"), c.availableProfiles());
        assertFalse(c.autoconnect());
    }

    @Test
    void connectionOfUnversioned2_0IsReadInTheLegacyShape() {
        OctoPrintSerialConnection c = Parsed.connection(fixture("v2-unversioned", "connection.json"));
        assertEquals("Operational", c.state());
        assertTrue(c.connected());
        assertEquals(Optional.of("/dev/ttyUSB0"), c.port());
        assertEquals(OptionalInt.of(250000), c.baudrate());
        assertEquals(Optional.of("corexy_chamber"), c.printerProfile());
        assertEquals(List.of("/dev/ttyUSB0", "/dev/ttyAMA0"), c.availablePorts());
        assertEquals(BAUDRATES, c.availableBaudrates());
        assertEquals(List.of("_default", "corexy_chamber"), c.availableProfiles());
        assertTrue(c.autoconnect());
    }

    @Test
    void offlineConnectionOfUnversioned2_0HasNoPortBaudrateOrProfile() {
        OctoPrintSerialConnection c = Parsed.connection(fixture("v2-unversioned", "connection-offline.json"));
        assertEquals("Offline", c.state());
        assertFalse(c.connected());
        assertEquals(Optional.empty(), c.port());
        assertEquals(OptionalInt.empty(), c.baudrate());
        assertEquals(Optional.empty(), c.printerProfile());
        assertEquals(List.of(), c.availablePorts());
        assertEquals(BAUDRATES, c.availableBaudrates());
        assertEquals(List.of("_default"), c.availableProfiles());
        assertFalse(c.autoconnect());
    }

    @Test
    void connectionIn2_0ReadsParametersProfileAndTheCurrentConnectorsChoices() {
        OctoPrintSerialConnection c = Parsed.connection(fixture("v2", "connection.json"));
        assertEquals("Operational", c.state());
        assertTrue(c.connected());
        assertEquals(Optional.of("/dev/ttyUSB0"), c.port());
        assertEquals(OptionalInt.of(250000), c.baudrate());
        assertEquals(Optional.of("corexy_chamber"), c.printerProfile());
        assertEquals(List.of("/dev/ttyUSB0", "/dev/ttyAMA0"), c.availablePorts());
        assertEquals(BAUDRATES, c.availableBaudrates());
        assertEquals(List.of("_default", "corexy_chamber"), c.availableProfiles());
        assertFalse(c.autoconnect(), "2.0 moved autoconnect to the settings");
    }

    @Test
    void connectionIn2_0TakesTheChoicesOfTheConnectorInUse() {
        JsonObject answer = fixture("v2", "connection.json");
        JsonObject current =
                with(answer.getJsonObject("current"), "connector", jakarta.json.Json.createValue("netbridge"));
        OctoPrintSerialConnection c = Parsed.connection(with(answer, "current", current));
        assertEquals(List.of(), c.availablePorts(), "netbridge offers no ports");
        assertEquals(List.of(), c.availableBaudrates());
        assertEquals(List.of("_default", "corexy_chamber"), c.availableProfiles());
    }

    @Test
    void offlineConnectionIn2_0HasEmptyParametersAndTheFirstConnectorsChoices() {
        OctoPrintSerialConnection c = Parsed.connection(fixture("v2", "connection-offline.json"));
        assertEquals("Offline", c.state());
        assertFalse(c.connected());
        assertEquals(Optional.empty(), c.port());
        assertEquals(OptionalInt.empty(), c.baudrate());
        assertEquals(Optional.empty(), c.printerProfile());
        assertEquals(List.of(), c.availablePorts());
        assertEquals(BAUDRATES, c.availableBaudrates());
        assertEquals(List.of("_default"), c.availableProfiles());
        assertFalse(c.autoconnect());
    }

    // ------------------------------------------------------------------ /api/printer

    @Test
    void printerIn1_xReadsStateFlagsHeatersWithOffsetsAndSdReady() {
        OctoPrintPrinterState p = Parsed.printer(fixture("v1", "printer.json"));
        assertEquals(Optional.of("Printing"), p.stateText());
        assertTrue(p.operational());
        assertTrue(p.printing());
        assertFalse(p.paused());
        assertFalse(p.error());
        assertEquals(Optional.of(true), p.storageReady());
        assertEquals(List.of("bed", "tool0", "tool1"), heaterNames(p.temperatures()));
        assertHeater(p, "tool0", 214.62, OptionalDouble.of(215.0), 0);
        assertHeater(p, "tool1", 31.4, OptionalDouble.empty(), 5);
        assertHeater(p, "bed", 59.87, OptionalDouble.of(60.0), -2);
        assertEquals(List.of(), p.history(), "no history unless asked for");
    }

    @Test
    void printerIn2_0ReadsStorageReadyAndTheChamber() {
        OctoPrintPrinterState p = Parsed.printer(fixture("v2", "printer.json"));
        assertEquals(Optional.of("Operational"), p.stateText());
        assertTrue(p.operational());
        assertFalse(p.printing());
        assertFalse(p.paused());
        assertFalse(p.error());
        assertEquals(Optional.of(true), p.storageReady(), "2.0 reports storage.ready instead of sd.ready");
        assertEquals(List.of("bed", "chamber", "tool0", "tool1"), heaterNames(p.temperatures()));
        assertHeater(p, "tool0", 187.35, OptionalDouble.of(245.0), 0);
        assertHeater(p, "tool1", 36.2, OptionalDouble.empty(), 0);
        assertHeater(p, "bed", 104.6, OptionalDouble.of(105.0), 0);
        assertHeater(p, "chamber", 41.8, OptionalDouble.of(50.0), -3);
        assertEquals(List.of(), p.history());
    }

    @Test
    void printerOfUnversioned2_0ReadsSdReadyAndTheChamber() {
        OctoPrintPrinterState p = Parsed.printer(fixture("v2-unversioned", "printer.json"));
        assertEquals(Optional.of("Printing"), p.stateText());
        assertTrue(p.operational());
        assertTrue(p.printing());
        assertEquals(Optional.of(true), p.storageReady());
        assertEquals(List.of("bed", "chamber", "tool0", "tool1"), heaterNames(p.temperatures()));
        assertHeater(p, "chamber", 41.8, OptionalDouble.of(50.0), -3);
    }

    @ParameterizedTest
    @CsvSource({
        "v1, printer.json",
        "v1, printer-history.json",
        "v2, printer.json",
        "v2, printer-history.json",
        "v2-unversioned, printer.json"
    })
    void heaterWithNullTargetHasAnActualButNoTarget(String dir, String file) {
        Temperature tool1 =
                Parsed.printer(fixture(dir, file)).temperature("tool1").orElseThrow();
        assertTrue(tool1.actual().isPresent());
        assertEquals(OptionalDouble.empty(), tool1.target());
    }

    @Test
    void printerHistoryIn1_xHasEverySampleOldestFirstAndSdNotReady() {
        OctoPrintPrinterState p = Parsed.printer(fixture("v1", "printer-history.json"));
        assertEquals(Optional.of("Operational"), p.stateText());
        assertEquals(Optional.of(false), p.storageReady());
        assertHeater(p, "tool0", 143.0, OptionalDouble.of(215.0), 0);
        List<OctoPrintTemperatureSample> history = p.history();
        assertEquals(6, history.size());
        assertEquals(
                List.of(1768398120L, 1768398122L, 1768398124L, 1768398126L, 1768398128L, 1768398130L),
                history.stream().map(s -> s.time().getEpochSecond()).toList());
        OctoPrintTemperatureSample first = history.get(0);
        assertEquals(List.of("bed", "tool0", "tool1"), heaterNames(first.temperatures()));
        Temperature tool0 = heater(first.temperatures(), "tool0");
        assertEquals(OptionalDouble.of(24.1), tool0.actual());
        assertEquals(OptionalDouble.of(0.0), tool0.target());
        assertEquals(OptionalDouble.empty(), tool0.offset(), "history samples carry no offset");
        assertEquals(
                OptionalDouble.empty(), heater(first.temperatures(), "tool1").target());
        assertEquals(
                OptionalDouble.of(51.3),
                heater(history.get(5).temperatures(), "bed").actual());
    }

    @Test
    void printerHistoryIn2_0HasEverySampleOldestFirstWithTheChamber() {
        OctoPrintPrinterState p = Parsed.printer(fixture("v2", "printer-history.json"));
        assertEquals(Optional.of(true), p.storageReady());
        List<OctoPrintTemperatureSample> history = p.history();
        assertEquals(5, history.size());
        assertEquals(Instant.ofEpochSecond(1768488600), history.get(0).time());
        assertEquals(Instant.ofEpochSecond(1768488608), history.get(4).time());
        assertEquals(
                List.of("bed", "chamber", "tool0", "tool1"),
                heaterNames(history.get(0).temperatures()));
        assertEquals(
                OptionalDouble.of(92.4),
                heater(history.get(0).temperatures(), "tool0").actual());
        assertEquals(
                OptionalDouble.of(38.1),
                heater(history.get(0).temperatures(), "chamber").actual());
        assertEquals(
                OptionalDouble.of(41.8),
                heater(history.get(4).temperatures(), "chamber").actual());
    }

    @Test
    void printerHistorySentNewestFirstIsStillOldestFirst() {
        JsonObject answer = fixture("v1", "printer-history.json");
        JsonObject temperature = answer.getJsonObject("temperature");
        JsonArrayBuilder reversed = jakarta.json.Json.createArrayBuilder();
        JsonArray history = temperature.getJsonArray("history");
        for (int i = history.size() - 1; i >= 0; i--) {
            reversed.add(history.get(i));
        }
        OctoPrintPrinterState p =
                Parsed.printer(with(answer, "temperature", with(temperature, "history", reversed.build())));
        assertEquals(Instant.ofEpochSecond(1768398120), p.history().get(0).time());
        assertEquals(Instant.ofEpochSecond(1768398130), p.history().get(5).time());
    }

    // ------------------------------------------------------------------ /api/job

    @Test
    void jobIn1_xReadsFileProgressAndTimes() {
        PrintJob job = Parsed.job(fixture("v1", "job.json"));
        assertEquals(Optional.of("Printing"), job.statusText());
        assertEquals(Optional.of("shelf_bracket_v3.gcode"), job.file());
        assertEquals(37.417965, job.progress().getAsDouble(), 1e-9);
        assertEquals(OptionalLong.of(2290), job.printTimeSeconds());
        assertEquals(OptionalLong.of(3810), job.printTimeLeftSeconds());
    }

    @ParameterizedTest
    @ValueSource(strings = {"v2", "v2-unversioned"})
    void jobIn2_0ReadsThePrinterStorageFileProgressAndTimes(String dir) {
        PrintJob job = Parsed.job(fixture(dir, "job.json"));
        assertEquals(Optional.of("Printing"), job.statusText());
        assertEquals(Optional.of("clipab~1.gco"), job.file());
        assertEquals(34.887484, job.progress().getAsDouble(), 1e-9);
        assertEquals(OptionalLong.of(1315), job.printTimeSeconds());
        assertEquals(OptionalLong.of(2462), job.printTimeLeftSeconds());
    }

    @ParameterizedTest
    @ValueSource(strings = {"v1", "v2", "v2-unversioned"})
    void idleJobHasAStateButNoFileProgressOrTimes(String dir) {
        PrintJob job = Parsed.job(fixture(dir, "job-idle.json"));
        assertEquals(Optional.of("Operational"), job.statusText());
        assertEquals(Optional.empty(), job.file());
        assertEquals(OptionalDouble.empty(), job.progress());
        assertEquals(OptionalLong.empty(), job.printTimeSeconds());
        assertEquals(OptionalLong.empty(), job.printTimeLeftSeconds());
    }

    // ------------------------------------------------------------------ /api/files

    @Test
    void filesIn1_xListEveryStorageInOneArrayWithSdcardAsPrinter() {
        OctoPrintFiles listing = Parsed.files(fixture("v1", "files.json"), Optional.empty());
        assertEquals(OptionalLong.of(21474312192L), listing.freeBytes());
        assertEquals(OptionalLong.of(31268536320L), listing.totalBytes());
        assertEquals(
                List.of(
                        "functional",
                        "archive_2025",
                        "calibration_cube_20mm.gcode",
                        "Vase_spiral_Uebergang.gcode",
                        "benchy~1.gco",
                        "firstl~1.gco"),
                names(listing.files()));
        assertEquals(
                List.of(
                        OctoPrintStorage.LOCAL,
                        OctoPrintStorage.LOCAL,
                        OctoPrintStorage.LOCAL,
                        OctoPrintStorage.LOCAL,
                        OctoPrintStorage.PRINTER,
                        OctoPrintStorage.PRINTER),
                listing.files().stream().map(OctoPrintFile::location).toList());

        OctoPrintFile functional = listing.files().get(0);
        assertEquals(OctoPrintFile.Type.FOLDER, functional.type());
        assertEquals(OptionalLong.of(3485395), functional.size());
        assertEquals(Optional.of(Instant.ofEpochSecond(1768397712)), functional.date());
        assertEquals(List.of("brackets", "hinge_pin_m4.gcode"), names(functional.children()));
        OctoPrintFile brackets = functional.children().get(0);
        assertEquals("functional/brackets", brackets.path());
        assertEquals(OctoPrintFile.Type.FOLDER, brackets.type());
        assertEquals(
                List.of("functional/brackets/shelf_bracket_v3.gcode", "functional/brackets/cable_clip_x4.gcode"),
                brackets.children().stream().map(OctoPrintFile::path).toList());
        OctoPrintFile cableClip = brackets.children().get(1);
        assertEquals(OctoPrintFile.Type.MACHINECODE, cableClip.type());
        assertEquals(OptionalLong.of(412877), cableClip.size());
        assertEquals(OptionalDouble.empty(), cableClip.estimatedPrintSeconds(), "no gcodeAnalysis");
        assertEquals(OptionalDouble.of(843.0), functional.children().get(1).estimatedPrintSeconds());

        OctoPrintFile archive = listing.files().get(1);
        assertEquals(Optional.of("Archive 2025"), archive.display());
        assertEquals(OctoPrintFile.Type.FOLDER, archive.type());
        assertEquals(List.of(), archive.children());

        OctoPrintFile vase = listing.files().get(3);
        assertEquals(Optional.of("Vase spiral Übergang.gcode"), vase.display());
        assertEquals(OptionalLong.of(6021877), vase.size());
        assertEquals(OptionalDouble.of(9874.0), vase.estimatedPrintSeconds());

        OctoPrintFile benchy = listing.files().get(4);
        assertEquals(OctoPrintStorage.PRINTER, benchy.location());
        assertEquals("benchy~1.gco", benchy.path());
        assertEquals(Optional.of("benchy_0.2mm_PLA.gcode"), benchy.display());
        assertEquals(OctoPrintFile.Type.MACHINECODE, benchy.type());
        assertEquals(OptionalLong.of(5123042), benchy.size());
        assertEquals(Optional.empty(), benchy.date(), "the SD card entry has no date");
        assertEquals(
                Optional.of(Instant.ofEpochSecond(1765443600)),
                listing.files().get(5).date());

        assertEquals(
                List.of(
                        "shelf_bracket_v3.gcode",
                        "cable_clip_x4.gcode",
                        "hinge_pin_m4.gcode",
                        "calibration_cube_20mm.gcode",
                        "Vase_spiral_Uebergang.gcode",
                        "benchy~1.gco",
                        "firstl~1.gco"),
                names(listing.allFiles()));
    }

    @Test
    void filesOfUnversioned2_0ListEveryStorageInOneArrayWithPrinterOrigin() {
        OctoPrintFiles listing = Parsed.files(fixture("v2-unversioned", "files.json"), Optional.empty());
        assertEquals(OptionalLong.of(48318382080L), listing.freeBytes());
        assertEquals(OptionalLong.of(62277025792L), listing.totalBytes());
        assertEquals(
                List.of("prints", "old_projects", "purge_line.gcode", "clipab~1.gco", "lever~1.gco"),
                names(listing.files()));
        assertEquals(
                List.of(
                        OctoPrintStorage.LOCAL,
                        OctoPrintStorage.LOCAL,
                        OctoPrintStorage.LOCAL,
                        OctoPrintStorage.PRINTER,
                        OctoPrintStorage.PRINTER),
                listing.files().stream().map(OctoPrintFile::location).toList());
        assertEquals(Optional.empty(), listing.files().get(4).date());
        assertEquals(OptionalLong.of(633019), listing.files().get(4).size());
        assertEquals(Optional.of("lever_petg.gcode"), listing.files().get(4).display());
        assertPrintsFolderOf2_0(listing.files().get(0));
    }

    @Test
    void filesGroupedByStorageIn2_0AreFlattenedWithTheirLocations() {
        OctoPrintFiles listing = Parsed.files(fixture("v2", "files.json"), Optional.empty());
        assertEquals(
                List.of("prints", "old_projects", "purge_line.gcode", "clipab~1.gco", "lever~1.gco"),
                names(listing.files()));
        assertEquals(
                List.of(
                        OctoPrintStorage.LOCAL,
                        OctoPrintStorage.LOCAL,
                        OctoPrintStorage.LOCAL,
                        OctoPrintStorage.PRINTER,
                        OctoPrintStorage.PRINTER),
                listing.files().stream().map(OctoPrintFile::location).toList());
        assertPrintsFolderOf2_0(listing.files().get(0));

        OctoPrintFile clip = listing.files().get(3);
        assertEquals("clipab~1.gco", clip.path());
        assertEquals(Optional.of("clip_abs_0.2mm.gcode"), clip.display());
        assertEquals(OctoPrintFile.Type.MACHINECODE, clip.type());
        assertEquals(OptionalLong.of(1840233), clip.size());
        assertEquals(Optional.of(Instant.ofEpochSecond(1768401300)), clip.date());
        assertEquals(OptionalDouble.empty(), clip.estimatedPrintSeconds(), "gcodeAnalysis: null");
        assertEquals(Optional.empty(), listing.files().get(4).date(), "date: null");

        OctoPrintFile purge = listing.files().get(2);
        assertEquals(OptionalLong.of(20488), purge.size());
        assertEquals(Optional.of(Instant.ofEpochSecond(1765011122)), purge.date());
        assertEquals(
                List.of(
                        "door_hinge_abs.gcode",
                        "vent_grille.gcode",
                        "spool_holder_608.gcode",
                        "purge_line.gcode",
                        "clipab~1.gco",
                        "lever~1.gco"),
                names(listing.allFiles()));
    }

    @Test
    void filesGroupedByStorageIn2_0TakeFreeAndTotalFromTheLocalUsage() {
        OctoPrintFiles listing = Parsed.files(fixture("v2", "files.json"), Optional.empty());
        assertEquals(OptionalLong.of(48318382080L), listing.freeBytes());
        assertEquals(OptionalLong.of(62277025792L), listing.totalBytes());
    }

    @Test
    void filesGroupedByStorageIn2_0PreferTheLocalUsageWhateverTheOrder() {
        JsonObject answer = fixture("v2", "files.json");
        JsonObject printer = with(
                answer.getJsonObject("printer"),
                "usage",
                jakarta.json.Json.createObjectBuilder()
                        .add("free", 1024)
                        .add("total", 4096)
                        .build());
        JsonObject reordered = jakarta.json.Json.createObjectBuilder()
                .add("printer", printer)
                .add("local", answer.getJsonObject("local"))
                .build();
        OctoPrintFiles listing = Parsed.files(reordered, Optional.empty());
        assertEquals(OptionalLong.of(48318382080L), listing.freeBytes());
        assertEquals(OptionalLong.of(62277025792L), listing.totalBytes());
        assertEquals(
                List.of("clipab~1.gco", "lever~1.gco", "prints", "old_projects", "purge_line.gcode"),
                names(listing.files()));
    }

    @Test
    void localFilesIn1_xListFoldersWithoutChildrenAndTheFreeSpace() {
        OctoPrintFiles listing = Parsed.files(fixture("v1", "files-local.json"), Optional.of(OctoPrintStorage.LOCAL));
        assertEquals(OptionalLong.of(21474312192L), listing.freeBytes());
        assertEquals(OptionalLong.of(31268536320L), listing.totalBytes());
        assertEquals(
                List.of("functional", "archive_2025", "calibration_cube_20mm.gcode", "Vase_spiral_Uebergang.gcode"),
                names(listing.files()));
        assertTrue(listing.files().stream().allMatch(f -> f.location() == OctoPrintStorage.LOCAL));
        assertEquals(
                List.of(
                        OctoPrintFile.Type.FOLDER,
                        OctoPrintFile.Type.FOLDER,
                        OctoPrintFile.Type.MACHINECODE,
                        OctoPrintFile.Type.MACHINECODE),
                listing.files().stream().map(OctoPrintFile::type).toList());
        assertEquals(List.of(), listing.files().get(0).children(), "not listed recursively");
        OctoPrintFile cube = listing.files().get(2);
        assertEquals(OptionalLong.of(913442), cube.size());
        assertEquals(Optional.of(Instant.ofEpochSecond(1767641010)), cube.date());
        assertEquals(OptionalDouble.of(1534.2), cube.estimatedPrintSeconds());
    }

    @Test
    void localFilesIn2_0AreOneStorageWithItsUsage() {
        OctoPrintFiles listing = Parsed.files(fixture("v2", "files-local.json"), Optional.of(OctoPrintStorage.LOCAL));
        assertEquals(OptionalLong.of(48318382080L), listing.freeBytes());
        assertEquals(OptionalLong.of(62277025792L), listing.totalBytes());
        assertEquals(List.of("prints", "old_projects", "purge_line.gcode"), names(listing.files()));
        assertTrue(listing.files().stream().allMatch(f -> f.location() == OctoPrintStorage.LOCAL));
        assertEquals(
                List.of(OctoPrintFile.Type.FOLDER, OctoPrintFile.Type.FOLDER, OctoPrintFile.Type.MACHINECODE),
                listing.files().stream().map(OctoPrintFile::type).toList());
        assertEquals(Optional.of("Old projects"), listing.files().get(1).display());
        assertEquals(OptionalLong.of(5417451), listing.files().get(0).size());
        assertEquals(List.of(), listing.files().get(0).children());
        assertEquals(OptionalDouble.empty(), listing.files().get(2).estimatedPrintSeconds());
    }

    @Test
    void entriesWithoutOriginTakeTheRequestedLocation() {
        JsonObject answer = json("""
                {"files": [{"name": "a.gcode", "path": "a.gcode", "type": "machinecode"}]}""");
        assertEquals(
                OctoPrintStorage.PRINTER,
                Parsed.files(answer, Optional.of(OctoPrintStorage.PRINTER))
                        .files()
                        .get(0)
                        .location());
        assertEquals(
                OctoPrintStorage.LOCAL,
                Parsed.files(answer, Optional.empty()).files().get(0).location());
    }

    @Test
    void fileIn1_xReadsPathTypeSizeDateAndEstimate() {
        OctoPrintFile file =
                Parsed.file(fixture("v1", "file.json"), OctoPrintStorage.LOCAL).orElseThrow();
        assertEquals("shelf_bracket_v3.gcode", file.name());
        assertEquals("functional/brackets/shelf_bracket_v3.gcode", file.path());
        assertEquals(Optional.of("shelf_bracket_v3.gcode"), file.display());
        assertEquals(OctoPrintStorage.LOCAL, file.location());
        assertEquals(OctoPrintFile.Type.MACHINECODE, file.type());
        assertEquals(OptionalLong.of(2874213), file.size());
        assertEquals(Optional.of(Instant.ofEpochSecond(1768312044)), file.date());
        assertEquals(6123.874512, file.estimatedPrintSeconds().getAsDouble(), 1e-9);
        assertEquals(List.of(), file.children());
    }

    @Test
    void fileIn2_0ReadsPathTypeSizeDateAndEstimate() {
        OctoPrintFile file =
                Parsed.file(fixture("v2", "file.json"), OctoPrintStorage.LOCAL).orElseThrow();
        assertEquals("door_hinge_abs.gcode", file.name());
        assertEquals("prints/enclosure/door_hinge_abs.gcode", file.path());
        assertEquals(Optional.of("door_hinge_abs.gcode"), file.display());
        assertEquals(OctoPrintStorage.LOCAL, file.location());
        assertEquals(OctoPrintFile.Type.MACHINECODE, file.type());
        assertEquals(OptionalLong.of(3310782), file.size());
        assertEquals(Optional.of(Instant.ofEpochSecond(1768399930)), file.date());
        assertEquals(OptionalDouble.of(7302.5), file.estimatedPrintSeconds());
    }

    @Test
    void fileOnThePrinterStorageIsAtThePrinterLocation() {
        JsonObject entry = json("""
                {"name": "clipab~1.gco", "display": "clip_abs_0.2mm.gcode", "origin": "printer", "path": "clipab~1.gco",
                 "size": 1840233, "type": "machinecode", "typePath": ["machinecode", "gcode"]}""");
        OctoPrintFile file = Parsed.file(entry, OctoPrintStorage.PRINTER).orElseThrow();
        assertEquals(OctoPrintStorage.PRINTER, file.location());
        assertEquals(
                OctoPrintStorage.PRINTER,
                Parsed.file(with(entry, "origin", jakarta.json.Json.createValue("sdcard")), OctoPrintStorage.LOCAL)
                        .orElseThrow()
                        .location());
        assertEquals(Optional.empty(), file.date());
        assertEquals(OptionalDouble.empty(), file.estimatedPrintSeconds());
    }

    @Test
    void fileWithoutNameIsEmpty() {
        assertEquals(Optional.empty(), Parsed.file(json("{\"path\": \"a.gcode\"}"), OctoPrintStorage.LOCAL));
    }

    // ------------------------------------------------------------------ uploads

    @ParameterizedTest
    @CsvSource({
        "v1, gear_housing_petg.gcode, functional/gear_housing_petg.gcode, true, false",
        "v2, cable_chain_link.gcode, prints/cable_chain_link.gcode, false, false",
        "v2-unversioned, cable_chain_link.gcode, prints/cable_chain_link.gcode, true, true"
    })
    void uploadReadsTheStoredFileAndWhatOctoPrintDidWithIt(
            String dir, String name, String path, boolean selected, boolean printing) {
        OctoPrintUploadResult upload = Parsed.upload(fixture(dir, "upload.json"), OctoPrintStorage.LOCAL);
        OctoPrintFile file = upload.file().orElseThrow();
        assertEquals(name, file.name());
        assertEquals(path, file.path());
        assertEquals(OctoPrintStorage.LOCAL, file.location());
        assertTrue(upload.done());
        assertEquals(selected, upload.selected());
        assertEquals(printing, upload.printing());
    }

    @ParameterizedTest
    @ValueSource(strings = {"v2", "v2-unversioned"})
    void uploadIn2_0KeepsTheDisplayName(String dir) {
        OctoPrintUploadResult upload = Parsed.upload(fixture(dir, "upload.json"), OctoPrintStorage.LOCAL);
        assertEquals(
                Optional.of("cable_chain_link.gcode"),
                upload.file().orElseThrow().display());
    }

    @Test
    void uploadTo1_xSdCardPicksTheSdcardEntryAndIsNotDoneYet() {
        JsonObject answer = json("""
                {"files": {"local": {"name": "clip.gcode", "path": "clip.gcode", "origin": "local"},
                           "sdcard": {"name": "clip~1.gco", "path": "clip~1.gco", "origin": "sdcard"}},
                 "done": false, "effectiveSelect": false, "effectivePrint": false}""");
        OctoPrintUploadResult upload = Parsed.upload(answer, OctoPrintStorage.PRINTER);
        assertEquals("clip~1.gco", upload.file().orElseThrow().name());
        assertEquals(OctoPrintStorage.PRINTER, upload.file().orElseThrow().location());
        assertFalse(upload.done());
    }

    // ------------------------------------------------------------------ /api/settings

    @Test
    void settingsIn1_xReadNameColorWebcamAndPlugins() {
        OctoPrintSettings s = Parsed.settings(fixture("v1", "settings.json"));
        assertEquals(Optional.of("Workshop IDEX"), s.name());
        assertEquals(Optional.of("orange"), s.color());
        OctoPrintWebcamSettings webcam = s.webcam().orElseThrow();
        assertTrue(webcam.enabled());
        assertEquals(Optional.of("/webcam/?action=stream"), webcam.streamUrl());
        assertEquals(Optional.of("http://127.0.0.1:8080/?action=snapshot"), webcam.snapshotUrl());
        assertFalse(webcam.flipH());
        assertTrue(webcam.flipV());
        assertFalse(webcam.rotate90());
        assertEquals(
                Set.of("classicwebcam", "gcodeviewer", "octoeverywhere", "softwareupdate", "tracking"), s.plugins());
    }

    @Test
    void settingsIn2_0ReadNameColorWebcamFlipsAndPlugins() {
        OctoPrintSettings s = Parsed.settings(fixture("v2", "settings.json"));
        assertEquals(Optional.of("Garage CoreXY"), s.name());
        assertEquals(Optional.of("blue"), s.color());
        OctoPrintWebcamSettings webcam = s.webcam().orElseThrow();
        assertTrue(webcam.enabled());
        assertEquals(Optional.of("http://192.168.40.23/webcam/?action=stream"), webcam.streamUrl());
        assertEquals(Optional.of("http://192.168.40.23/webcam/?action=snapshot"), webcam.snapshotUrl());
        assertTrue(webcam.flipH());
        assertFalse(webcam.flipV());
        assertTrue(webcam.rotate90());
        assertEquals(
                Set.of("gcodeviewer", "octoeverywhere", "serial_connector", "softwareupdate", "classicwebcam"),
                s.plugins());
    }

    @Test
    void settingsWithoutAWebcamProviderHaveNoEnabledWebcamAndNoUrls() {
        OctoPrintSettings s = Parsed.settings(fixture("v2", "settings-no-webcam.json"));
        assertEquals(Optional.of("Garage CoreXY"), s.name());
        assertEquals(Optional.of("blue"), s.color());
        assertEquals(Set.of("gcodeviewer", "octoeverywhere", "serial_connector", "softwareupdate"), s.plugins());
        assertFalse(s.webcam().map(OctoPrintWebcamSettings::enabled).orElse(false));
        assertEquals(Optional.empty(), s.webcam().flatMap(OctoPrintWebcamSettings::streamUrl));
        assertEquals(Optional.empty(), s.webcam().flatMap(OctoPrintWebcamSettings::snapshotUrl));
        assertFalse(s.webcam().map(w -> w.flipH() || w.flipV() || w.rotate90()).orElse(false));
    }

    @Test
    void webcamIsReadFromTheClassicWebcamPluginWhenTheDeprecatedKeysAreMissing() {
        JsonObject settings = without(fixture("v2", "settings.json"), "webcam");
        OctoPrintWebcamSettings webcam = Parsed.settings(settings).webcam().orElseThrow();
        assertTrue(webcam.enabled());
        assertEquals(Optional.of("http://192.168.40.23/webcam/?action=stream"), webcam.streamUrl());
        assertEquals(Optional.of("http://192.168.40.23/webcam/?action=snapshot"), webcam.snapshotUrl());
        assertTrue(webcam.flipH());
        assertFalse(webcam.flipV());
        assertTrue(webcam.rotate90());
    }

    // ------------------------------------------------------------------ /api/printerprofiles

    @ParameterizedTest
    @CsvSource({
        "v1, workshop_idex, Workshop IDEX, Custom IDEX 300, false, 300.0, 300.0, 350.0",
        "v2, corexy_chamber, Garage CoreXY, 'Custom CoreXY 300 (enclosed, tool changer)', true, 300.0, 300.0, 280.0"
    })
    void printerProfilesReadIdsCurrentDefaultExtrudersAndVolume(
            String dir,
            String id,
            String name,
            String model,
            boolean heatedChamber,
            double width,
            double depth,
            double height) {
        List<OctoPrintProfile> profiles = Parsed.printerProfiles(fixture(dir, "printerprofiles.json"));
        assertEquals(
                List.of("_default", id),
                profiles.stream().map(OctoPrintProfile::id).toList());

        OctoPrintProfile fallback = profiles.get(0);
        assertEquals("Default", fallback.name());
        assertEquals(Optional.of("Generic RepRap Printer"), fallback.model());
        assertFalse(fallback.current());
        assertFalse(fallback.isDefault());
        assertTrue(fallback.heatedBed());
        assertFalse(fallback.heatedChamber());
        assertEquals(1, fallback.extruders());
        assertEquals(OptionalDouble.of(200), fallback.width());
        assertEquals(OptionalDouble.of(200), fallback.depth());
        assertEquals(OptionalDouble.of(200), fallback.height());

        OctoPrintProfile mine = profiles.get(1);
        assertEquals(name, mine.name());
        assertEquals(Optional.of(model), mine.model());
        assertTrue(mine.current());
        assertTrue(mine.isDefault());
        assertTrue(mine.heatedBed());
        assertEquals(heatedChamber, mine.heatedChamber());
        assertEquals(2, mine.extruders());
        assertEquals(OptionalDouble.of(width), mine.width());
        assertEquals(OptionalDouble.of(depth), mine.depth());
        assertEquals(OptionalDouble.of(height), mine.height());
    }

    // ------------------------------------------------------------------ /api/system/commands

    @Test
    void systemCommandsIn1_xReadSourceActionNameAndConfirmWithoutDividers() {
        List<OctoPrintSystemCommand> commands = Parsed.systemCommands(fixture("v1", "system-commands.json"));
        assertEquals(
                List.of(
                        "core/shutdown",
                        "core/reboot",
                        "core/restart",
                        "core/restart_safe",
                        "custom/restart_webcam",
                        "custom/lights_off"),
                commands.stream().map(c -> c.source() + "/" + c.action()).toList());
        assertEquals(
                new OctoPrintSystemCommand(
                        "core",
                        "shutdown",
                        "Shutdown system",
                        Optional.of(
                                "<strong>The host will power off.</strong></p><p>Any running print may be interrupted.")),
                commands.get(0));
        assertEquals("Restart OctoPrint in safe mode", commands.get(3).name());
        assertEquals(
                new OctoPrintSystemCommand("custom", "restart_webcam", "Restart webcam", Optional.empty()),
                commands.get(4),
                "confirm: false is no confirmation");
        assertEquals(
                new OctoPrintSystemCommand(
                        "custom",
                        "lights_off",
                        "Enclosure lights off",
                        Optional.of("Switch the enclosure lights off?")),
                commands.get(5));
    }

    @Test
    void systemCommandsIn2_0IncludePluginCommands() {
        List<OctoPrintSystemCommand> commands = Parsed.systemCommands(fixture("v2", "system-commands.json"));
        assertEquals(
                List.of(
                        "core/shutdown",
                        "core/reboot",
                        "core/restart",
                        "core/restart_safe",
                        "plugin/shelfled:all_off",
                        "custom/chamber_fan_on"),
                commands.stream().map(c -> c.source() + "/" + c.action()).toList());
        assertEquals(
                new OctoPrintSystemCommand(
                        "core",
                        "reboot",
                        "Reboot system",
                        Optional.of("<strong>The host is about to reboot.</strong></p><p>A running print may stop.")),
                commands.get(1));
        assertEquals(
                new OctoPrintSystemCommand("plugin", "shelfled:all_off", "Shelf LEDs off", Optional.empty()),
                commands.get(4));
        assertEquals(
                new OctoPrintSystemCommand("custom", "chamber_fan_on", "Chamber fan on", Optional.empty()),
                commands.get(5));
    }

    @Test
    void systemCommandWithoutSourceTakesItsGroupAndWithoutNameItsAction() {
        List<OctoPrintSystemCommand> commands = Parsed.systemCommands(json("""
                {"custom": [{"action": "lights_on"}]}"""));
        assertEquals(
                List.of(new OctoPrintSystemCommand("custom", "lights_on", "lights_on", Optional.empty())), commands);
    }

    // ------------------------------------------------------------------ /api/plugin/octoeverywhere

    @ParameterizedTest
    @CsvSource({
        "v1, 60MZF6IE2RX3IANDV9JJ77718HEIHK3ZC2Q41HP6WS7JOHXMJDLJ9ACX7VDR, 3.12.4",
        "v2, 1L2GV2ROUPYMKH2KW8F31USNCLN7H0TZSW9A5LA27UIXZANW4V7XHU61E0B4, 4.2.0"
    })
    void pluginReadsPrinterIdAndVersion(String dir, String printerId, String version) {
        OctoEverywherePlugin plugin =
                Parsed.plugin(fixture(dir, "plugin-octoeverywhere.json")).orElseThrow();
        assertEquals(printerId, plugin.printerId());
        assertEquals(Optional.of(version), plugin.pluginVersion());
    }

    @Test
    void pluginKeysAreMatchedWithoutCaseAndAMissingPrinterIdIsNoPlugin() {
        OctoEverywherePlugin plugin = Parsed.plugin(json("{\"printerId\": \"ABC\", \"pluginversion\": \"1.0\"}"))
                .orElseThrow();
        assertEquals("ABC", plugin.printerId());
        assertEquals(Optional.of("1.0"), plugin.pluginVersion());
        assertEquals(Optional.empty(), Parsed.plugin(json("{\"PluginVersion\": \"3.12.4\"}")));
    }

    // ------------------------------------------------------------------ tolerance

    @ParameterizedTest
    @CsvSource({
        "v1, printer.json",
        "v1, job.json",
        "v1, settings.json",
        "v1, files.json",
        "v1, files-local.json",
        "v2, printer.json",
        "v2, job.json",
        "v2, connection.json",
        "v2, files.json",
        "v2, file.json",
        "v2-unversioned, files.json"
    })
    void unknownFutureFieldsAreIgnored(String dir, String file) {
        Function<JsonObject, Object> parse = parser(file);
        JsonObject answer = fixture(dir, file);
        assertTrue(answer.toString().contains("\"_future\""), "the fixture has a _future field");
        JsonObject cleaned = (JsonObject) withoutEverywhere(answer, "_future");
        assertFalse(cleaned.toString().contains("\"_future\""));
        assertEquals(parse.apply(cleaned), parse.apply(answer));
    }

    @Test
    void nullAnswersMapToEmptyValues() {
        assertEquals(new OctoPrintVersion(Optional.empty(), Optional.empty(), Optional.empty()), Parsed.version(null));
        assertEquals(new OctoPrintServer(Optional.empty(), Optional.empty()), Parsed.server(null));

        OctoPrintLogin login = Parsed.login(null);
        assertEquals("", login.name());
        assertEquals(Optional.empty(), login.session());
        assertFalse(login.admin());
        assertEquals(Set.of(), login.groups());

        OctoPrintSerialConnection connection = Parsed.connection(null);
        assertEquals("", connection.state());
        assertFalse(connection.connected());
        assertEquals(Optional.empty(), connection.port());
        assertEquals(OptionalInt.empty(), connection.baudrate());
        assertEquals(Optional.empty(), connection.printerProfile());
        assertEquals(List.of(), connection.availablePorts());
        assertEquals(List.of(), connection.availableBaudrates());
        assertEquals(List.of(), connection.availableProfiles());
        assertFalse(connection.autoconnect());

        assertEquals(
                new OctoPrintPrinterState(
                        Optional.empty(), false, false, false, false, List.of(), Optional.empty(), List.of()),
                Parsed.printer(null));
        assertEquals(
                new PrintJob(
                        Optional.empty(),
                        Optional.empty(),
                        OptionalDouble.empty(),
                        OptionalLong.empty(),
                        OptionalLong.empty()),
                Parsed.job(null));
        assertEquals(
                new OctoPrintFiles(List.of(), OptionalLong.empty(), OptionalLong.empty()),
                Parsed.files(null, Optional.empty()));
        assertEquals(
                new OctoPrintFiles(List.of(), OptionalLong.empty(), OptionalLong.empty()),
                Parsed.files(null, Optional.of(OctoPrintStorage.LOCAL)));
        assertEquals(Optional.empty(), Parsed.file(null, OctoPrintStorage.LOCAL));
        assertEquals(
                Optional.empty(), Parsed.upload(null, OctoPrintStorage.LOCAL).file());
        assertFalse(Parsed.upload(null, OctoPrintStorage.LOCAL).selected());
        assertFalse(Parsed.upload(null, OctoPrintStorage.LOCAL).printing());
        assertEquals(
                new OctoPrintSettings(Optional.empty(), Optional.empty(), Optional.empty(), Set.of()),
                Parsed.settings(null));
        assertEquals(List.of(), Parsed.printerProfiles(null));
        assertEquals(List.of(), Parsed.systemCommands(null));
        assertEquals(Optional.empty(), Parsed.plugin(null));
    }

    @Test
    void valuesOfTheWrongTypeReadAsAbsent() {
        OctoPrintPrinterState p = Parsed.printer(json("""
                {"temperature": {"tool0": {"actual": "hot", "target": [1], "offset": {}}, "bed": 60},
                 "sd": "yes", "state": {"text": 7, "flags": {"operational": "true", "printing": 1}}}"""));
        assertEquals(List.of("tool0"), heaterNames(p.temperatures()));
        assertEquals(
                new Temperature("tool0", OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty()),
                p.temperatures().get(0));
        assertEquals(Optional.empty(), p.storageReady());
        assertEquals(Optional.of("7"), p.stateText());
        assertTrue(p.operational(), "a boolean as string is read");
        assertFalse(p.printing());
        assertEquals(
                new OctoPrintFiles(List.of(), OptionalLong.empty(), OptionalLong.empty()),
                Parsed.files(json("{\"files\": \"none\", \"free\": \"lots\"}"), Optional.empty()));
    }

    @Test
    void hostileDeeplyNestedFoldersDoNotOverflowTheStack() {
        // Deeper than the JSON parser goes (1,000 levels), an answer is not JSON it reads: see below.
        int depth = 450;
        JsonObject entry = jakarta.json.Json.createObjectBuilder()
                .add("name", "bottom.gcode")
                .add("type", "machinecode")
                .add("size", 1)
                .build();
        for (int level = depth; level > 0; level--) {
            JsonObjectBuilder folder = jakarta.json.Json.createObjectBuilder()
                    .add("name", "level" + level)
                    .add("children", jakarta.json.Json.createArrayBuilder().add(entry));
            if (level % 2 == 0) {
                folder.add("type", "folder");
            }
            entry = folder.build();
        }
        JsonObject listing = jakarta.json.Json.createObjectBuilder()
                .add("files", jakarta.json.Json.createArrayBuilder().add(entry))
                .add("free", 5)
                .build();
        JsonObject grouped = jakarta.json.Json.createObjectBuilder()
                .add(
                        "local",
                        jakarta.json.Json.createObjectBuilder()
                                .add("key", "local")
                                .add(
                                        "files",
                                        jakarta.json.Json.createArrayBuilder().add(entry)))
                .build();

        OctoPrintFiles flat = Parsed.files(listing, Optional.empty());
        OctoPrintFiles storages = Parsed.files(grouped, Optional.empty());
        OctoPrintFile single = Parsed.file(entry, OctoPrintStorage.LOCAL).orElseThrow();

        for (OctoPrintFiles parsed : List.of(flat, storages)) {
            assertEquals(List.of("level1"), names(parsed.files()));
            assertEquals(OctoPrintFile.Type.FOLDER, parsed.files().get(0).type());
            int levels = levels(parsed.files().get(0));
            assertTrue(levels > 1 && levels < 1_000, "nesting is cut off, was " + levels);
            assertNotNull(parsed.allFiles());
            assertNotNull(parsed.toString());
            assertEquals(parsed, parsed);
        }
        assertEquals(OptionalLong.of(5), flat.freeBytes());
        assertEquals("level1", single.name());
        assertTrue(levels(single) < 1_000);

        String deeper =
                "{\"files\": [" + "{\"name\": \"x\", \"children\": [".repeat(10_000) + "]}".repeat(10_000) + "]}";
        org.junit.jupiter.api.Assertions.assertThrows(
                dev.printfarm.appconnection.impl.json.UnreadableJsonException.class,
                () -> WireJson.read(deeper, OctoPrintFilesAnswer.class));
    }

    @Test
    void numbersGivenAsStringsAreRead() {
        OctoPrintFiles listing = Parsed.files(json("""
                {"files": [{"name": "a.gcode", "path": "a.gcode", "type": "machinecode", "origin": "local",
                            "size": "2874213", "date": "1768312044", "gcodeAnalysis": {"estimatedPrintTime": "6123.5"}}],
                 "free": "21474312192", "total": " 31268536320 "}"""), Optional.empty());
        assertEquals(OptionalLong.of(21474312192L), listing.freeBytes());
        assertEquals(OptionalLong.of(31268536320L), listing.totalBytes());
        OctoPrintFile file = listing.files().get(0);
        assertEquals(OptionalLong.of(2874213), file.size());
        assertEquals(Optional.of(Instant.ofEpochSecond(1768312044)), file.date());
        assertEquals(OptionalDouble.of(6123.5), file.estimatedPrintSeconds());

        OctoPrintFiles grouped = Parsed.files(json("""
                {"local": {"key": "local", "files": [], "usage": {"free": "1024", "total": "4096"}}}"""), Optional.empty());
        assertEquals(OptionalLong.of(1024), grouped.freeBytes());
        assertEquals(OptionalLong.of(4096), grouped.totalBytes());

        OctoPrintPrinterState printer = Parsed.printer(json("""
                {"temperature": {"tool0": {"actual": "214.62", "target": "215", "offset": "-2"},
                                 "history": [{"time": "1768398120", "tool0": {"actual": "24.1", "target": "0"}}]}}"""));
        assertEquals(
                new Temperature("tool0", OptionalDouble.of(214.62), OptionalDouble.of(215), OptionalDouble.of(-2)),
                printer.temperatures().get(0));
        assertEquals(Instant.ofEpochSecond(1768398120), printer.history().get(0).time());
        assertEquals(
                OptionalDouble.of(24.1),
                printer.history().get(0).temperatures().get(0).actual());

        PrintJob job = Parsed.job(json("""
                {"state": "Printing", "job": {"file": {"name": "a.gcode"}},
                 "progress": {"completion": "37.5", "printTime": "2290", "printTimeLeft": "3810.4"}}"""));
        assertEquals(OptionalDouble.of(37.5), job.progress());
        assertEquals(OptionalLong.of(2290), job.printTimeSeconds());
        assertEquals(OptionalLong.of(3810), job.printTimeLeftSeconds());

        OctoPrintSerialConnection connection = Parsed.connection(json("""
                {"current": {"state": "Operational", "port": "/dev/ttyACM0", "baudrate": "115200"},
                 "options": {"baudrates": ["250000", 115200, "fast"]}}"""));
        assertEquals(OptionalInt.of(115200), connection.baudrate());
        assertEquals(List.of(250000, 115200), connection.availableBaudrates());

        OctoPrintProfile profile = Parsed.printerProfiles(json("""
                {"profiles": {"p": {"id": "p", "extruder": {"count": "2"}, "volume": {"width": "300.0", "depth": "250",
                 "height": "280.5"}}}}""")).get(0);
        assertEquals(2, profile.extruders());
        assertEquals(OptionalDouble.of(300.0), profile.width());
        assertEquals(OptionalDouble.of(250), profile.depth());
        assertEquals(OptionalDouble.of(280.5), profile.height());
    }

    // ------------------------------------------------------------------ helpers

    private static void assertPrintsFolderOf2_0(OctoPrintFile prints) {
        assertEquals("prints", prints.path());
        assertEquals(OctoPrintFile.Type.FOLDER, prints.type());
        assertEquals(OctoPrintStorage.LOCAL, prints.location());
        assertEquals(OptionalLong.of(5417451), prints.size());
        assertEquals(Optional.of(Instant.ofEpochSecond(1768488512)), prints.date());
        assertEquals(List.of("enclosure", "spool_holder_608.gcode"), names(prints.children()));
        OctoPrintFile enclosure = prints.children().get(0);
        assertEquals("prints/enclosure", enclosure.path());
        assertEquals(OctoPrintFile.Type.FOLDER, enclosure.type());
        assertEquals(OptionalLong.of(4212896), enclosure.size());
        assertEquals(
                List.of("prints/enclosure/door_hinge_abs.gcode", "prints/enclosure/vent_grille.gcode"),
                enclosure.children().stream().map(OctoPrintFile::path).toList());
        OctoPrintFile hinge = enclosure.children().get(0);
        assertAll(
                () -> assertEquals(OctoPrintStorage.LOCAL, hinge.location()),
                () -> assertEquals(OctoPrintFile.Type.MACHINECODE, hinge.type()),
                () -> assertEquals(OptionalLong.of(3310782), hinge.size()),
                () -> assertEquals(Optional.of(Instant.ofEpochSecond(1768399930)), hinge.date()),
                () -> assertEquals(OptionalDouble.of(7302.5), hinge.estimatedPrintSeconds()));
        OctoPrintFile vent = enclosure.children().get(1);
        assertEquals(OptionalLong.of(902114), vent.size());
        assertEquals(OptionalDouble.empty(), vent.estimatedPrintSeconds());
        OctoPrintFile spool = prints.children().get(1);
        assertEquals(Optional.of("Spool holder (608 bearing).gcode"), spool.display());
        assertEquals(OptionalDouble.of(3650.0), spool.estimatedPrintSeconds());
        assertEquals(Optional.of(Instant.ofEpochSecond(1767780044)), spool.date());
    }

    private static void assertHeater(
            OctoPrintPrinterState p, String name, double actual, OptionalDouble target, double offset) {
        Temperature t = p.temperature(name).orElseThrow(() -> new AssertionError("no heater " + name));
        assertEquals(OptionalDouble.of(actual), t.actual(), name + " actual");
        assertEquals(target, t.target(), name + " target");
        assertEquals(OptionalDouble.of(offset), t.offset(), name + " offset");
    }

    private static Temperature heater(List<Temperature> temperatures, String name) {
        return temperatures.stream()
                .filter(t -> t.heater().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no heater " + name));
    }

    private static List<String> heaterNames(List<Temperature> temperatures) {
        return temperatures.stream().map(Temperature::heater).toList();
    }

    private static List<String> names(List<OctoPrintFile> files) {
        return files.stream().map(OctoPrintFile::name).toList();
    }

    private static int levels(OctoPrintFile file) {
        int levels = 1;
        for (OctoPrintFile f = file; !f.children().isEmpty(); f = f.children().get(0)) {
            levels++;
        }
        return levels;
    }

    private static Function<JsonObject, Object> parser(String file) {
        return switch (file) {
            case "printer.json" -> Parsed::printer;
            case "job.json" -> Parsed::job;
            case "settings.json" -> Parsed::settings;
            case "connection.json" -> Parsed::connection;
            case "files.json" -> o -> Parsed.files(o, Optional.empty());
            case "files-local.json" -> o -> Parsed.files(o, Optional.of(OctoPrintStorage.LOCAL));
            case "file.json" -> o -> Parsed.file(o, OctoPrintStorage.LOCAL);
            default -> throw new IllegalArgumentException(file);
        };
    }

    private static JsonObject fixture(String dir, String name) {
        String resource = "/octoprint/" + dir + "/" + name;
        try (InputStream in = OctoPrintMapperTest.class.getResourceAsStream(resource)) {
            assertNotNull(in, resource);
            try (JsonReader reader = jakarta.json.Json.createReader(in)) {
                return reader.readObject();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonObject json(String text) {
        try (JsonReader reader = jakarta.json.Json.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }

    private static JsonObject with(JsonObject o, String key, JsonValue value) {
        return jakarta.json.Json.createObjectBuilder(o).add(key, value).build();
    }

    private static JsonObject without(JsonObject o, String key) {
        return jakarta.json.Json.createObjectBuilder(o).remove(key).build();
    }

    /** The value with {@code key} removed from every object at any depth. */
    private static JsonValue withoutEverywhere(JsonValue value, String key) {
        if (value instanceof JsonObject o) {
            JsonObjectBuilder b = jakarta.json.Json.createObjectBuilder();
            for (Map.Entry<String, JsonValue> e : o.entrySet()) {
                if (!e.getKey().equals(key)) {
                    b.add(e.getKey(), withoutEverywhere(e.getValue(), key));
                }
            }
            return b.build();
        }
        if (value instanceof JsonArray a) {
            JsonArrayBuilder b = jakarta.json.Json.createArrayBuilder();
            a.forEach(v -> b.add(withoutEverywhere(v, key)));
            return b.build();
        }
        return value;
    }

    @Test
    void aBodyThatIsNotJsonIsThePrintersUnusableAnswerNotSilence() {
        var unusable = org.junit.jupiter.api.Assertions.assertThrows(
                dev.printfarm.appconnection.api.error.UnreadableAnswerException.class,
                () -> dev.printfarm.appconnection.impl.json.JsonAnswers.fromPrinter("c1")
                        .read(200, Optional.empty(), "{", OctoPrintJobAnswer.class));
        assertEquals(200, unusable.printerStatus().getAsInt());
        assertTrue(
                unusable.getMessage().startsWith("The printer answered HTTP 200 without a content type"),
                unusable.getMessage());
    }

    /** An answer as OctoPrint sends it (null: an empty body), read and mapped as the client reads and maps it. */
    private static final class Parsed {

        static <T> T read(JsonObject answer, Class<T> type) {
            return WireJson.read(answer == null ? "" : answer.toString(), type);
        }

        static OctoPrintVersion version(JsonObject o) {
            return OctoPrintMapper.version(read(o, OctoPrintVersionAnswer.class));
        }

        static OctoPrintServer server(JsonObject o) {
            return OctoPrintMapper.server(read(o, OctoPrintServerAnswer.class));
        }

        static OctoPrintLogin login(JsonObject o) {
            return OctoPrintMapper.login(read(o, OctoPrintLoginAnswer.class));
        }

        static OctoPrintSerialConnection connection(JsonObject o) {
            return OctoPrintMapper.connection(read(o, OctoPrintConnectionAnswer.class));
        }

        static OctoPrintPrinterState printer(JsonObject o) {
            return OctoPrintMapper.printer(read(o, OctoPrintPrinterAnswer.class));
        }

        static PrintJob job(JsonObject o) {
            return OctoPrintMapper.job(read(o, OctoPrintJobAnswer.class));
        }

        static OctoPrintFiles files(JsonObject o, Optional<OctoPrintStorage> location) {
            return OctoPrintMapper.files(read(o, OctoPrintFilesAnswer.class), location);
        }

        static Optional<OctoPrintFile> file(JsonObject o, OctoPrintStorage location) {
            return OctoPrintMapper.file(read(o, OctoPrintFileEntry.class), location);
        }

        static OctoPrintUploadResult upload(JsonObject o, OctoPrintStorage location) {
            return OctoPrintMapper.upload(read(o, OctoPrintUploadAnswer.class), location);
        }

        static OctoPrintSettings settings(JsonObject o) {
            return OctoPrintMapper.settings(read(o, OctoPrintSettingsAnswer.class));
        }

        static List<OctoPrintProfile> printerProfiles(JsonObject o) {
            return OctoPrintMapper.printerProfiles(read(o, OctoPrintProfilesAnswer.class));
        }

        static List<OctoPrintSystemCommand> systemCommands(JsonObject o) {
            return OctoPrintMapper.systemCommands(read(o, OctoPrintSystemCommandsAnswer.class));
        }

        static Optional<OctoEverywherePlugin> plugin(JsonObject o) {
            return OctoPrintMapper.plugin(read(o, OctoEverywherePluginAnswer.class));
        }
    }
}
