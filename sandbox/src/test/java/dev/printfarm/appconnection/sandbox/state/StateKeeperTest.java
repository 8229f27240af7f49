package dev.printfarm.appconnection.sandbox.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.printfarm.appconnection.sandbox.MutableClock;
import dev.printfarm.appconnection.sandbox.appapi.InfoCalls;
import dev.printfarm.appconnection.sandbox.config.SandboxSettings;
import dev.printfarm.appconnection.sandbox.connection.AppConnection;
import dev.printfarm.appconnection.sandbox.connection.ConnectionRegistry;
import dev.printfarm.appconnection.sandbox.control.SandboxReset;
import dev.printfarm.appconnection.sandbox.gadget.GadgetBoard;
import dev.printfarm.appconnection.sandbox.lan.LanRequest;
import dev.printfarm.appconnection.sandbox.lan.LanRequestLog;
import dev.printfarm.appconnection.sandbox.lan.LanRouter;
import dev.printfarm.appconnection.sandbox.live.LiveLinks;
import dev.printfarm.appconnection.sandbox.octoprint.ScriptedResponses;
import dev.printfarm.appconnection.sandbox.outage.RelayOutage;
import dev.printfarm.appconnection.sandbox.printer.EmulatedPrinter;
import dev.printfarm.appconnection.sandbox.printer.PrinterRegistry;
import dev.printfarm.appconnection.sandbox.push.PushHub;
import dev.printfarm.appconnection.sandbox.relay.ConnectionResets;
import dev.printfarm.appconnection.sandbox.relay.RelayInFlight;
import dev.printfarm.appconnection.sandbox.relay.RelayRequest;
import dev.printfarm.appconnection.sandbox.relay.RelayRouter;
import dev.printfarm.appconnection.sandbox.relay.RelayStats;
import dev.printfarm.appconnection.sandbox.webcam.WebcamBoard;
import dev.printfarm.appconnection.sandbox.webhook.PrintEventTicker;
import dev.printfarm.appconnection.sandbox.webhook.WebhookLog;
import dev.printfarm.appconnection.sandbox.webhook.WebhookRegistration;
import dev.printfarm.appconnection.sandbox.webhook.WebhookRegistry;
import dev.printfarm.appconnection.sandbox.webhook.Webhooks;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonPatch;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StateKeeperTest {

    private static final String RELAY = "http://localhost:9080/sandbox/relay";
    private static final String BASE = "http://localhost:9080/sandbox";
    private static final String ASIDE = "connections.json.unreadable-20261128T100000Z";

    @TempDir
    Path dir;

    private final MutableClock clock = MutableClock.at("2026-11-28T10:00:00Z");
    private final Logger keeperLog = Logger.getLogger(StateKeeper.class.getName());
    private final List<LogRecord> logged = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            logged.add(record);
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    };
    private final List<Server> started = new ArrayList<>();

    /** One run of the server: registries of its own, as after a restart, keeping their state in {@link #dir}. */
    private final class Server {

        final PrinterRegistry printers = printers();
        final ConnectionRegistry connections = new ConnectionRegistry(clock);
        final WebhookRegistry webhooks = new WebhookRegistry();
        final StateKeeper keeper;

        Server() {
            this(StateFile.MAX_BYTES);
        }

        Server(long maxBytes) {
            keeper = new StateKeeper(
                    Optional.of(new StateFile(file(), maxBytes, clock)), connections, webhooks, printers);
            started.add(this);
            keeper.load();
        }

        EmulatedPrinter printer(int index) {
            return printers.all().get(index);
        }

        /** A second later than the one before, so that connections are listed in the order they were made. */
        AppConnection connect(int printer, boolean withApiKey) {
            clock.advance(Duration.ofSeconds(1));
            return connections.create(printer(printer).id(), "devtest", RELAY, withApiKey);
        }

        WebhookRegistration register(AppConnection connection, Set<Integer> eventTypes, String url) {
            WebhookRegistration registration = WebhookRegistration.of(
                    connection.id(), connection.printerId(), url, eventTypes, clock.instant(), BASE);
            webhooks.register(registration);
            return registration;
        }

        Map<String, String> userApiKeys() {
            return printers.all().stream().collect(Collectors.toMap(EmulatedPrinter::id, EmulatedPrinter::userApiKey));
        }
    }

    @BeforeEach
    void listenToTheKeeper() {
        keeperLog.addHandler(capture);
        keeperLog.setUseParentHandlers(false);
    }

    @AfterEach
    void stopEveryServer() {
        started.forEach(server -> server.keeper.stop());
        keeperLog.removeHandler(capture);
        keeperLog.setUseParentHandlers(true);
    }

    @Test
    void connectionsSurviveARestart() {
        Server first = new Server();
        AppConnection withKey = first.connect(0, true);
        AppConnection withoutKey = first.connect(1, false);
        AppConnection revoked = first.connect(0, true);
        first.connections.revoke(revoked.id(), true);
        first.register(withKey, Set.of(2, 1), "http://localhost:8080/hook?token=abc");
        first.register(revoked, Set.of(), "http://127.0.0.1:8080/other");
        first.printer(2).newUserApiKey();
        first.keeper.stop();

        Server second = new Server();

        assertEquals(first.connections.all(), second.connections.all(), "every field, secrets included");
        assertEquals(List.of(withKey, withoutKey, revoked), second.connections.all());
        assertEquals(Optional.of(withoutKey), second.connections.findByAppApiToken(withoutKey.appApiToken()));
        assertEquals(
                List.of(withKey, revoked),
                second.connections.forPrinter(first.printer(0).id()));
        assertTrue(second.connections.isRevoked(revoked.id()));
        assertFalse(second.connections.isRevoked(withKey.id()));
        assertFalse(second.connections.isRevoked(withoutKey.id()));
        assertEquals(first.webhooks.all(), second.webhooks.all());
        assertEquals(Set.of(first.printer(0).id()), second.webhooks.printerIds());
        assertEquals(first.userApiKeys(), second.userApiKeys());
        assertEquals(List.of(), warnings());
    }

    @Test
    void aClientHoldingAConnectionGetsThroughAfterARestartInsteadOf603() {
        Server first = new Server();
        AppConnection connection = first.connect(0, true);
        AppConnection revoked = first.connect(0, false);
        first.connections.revoke(revoked.id(), true);
        String userApiKey = first.printer(1).userApiKey();
        first.keeper.stop();

        Server second = new Server();
        RelayRouter relay = new RelayRouter(second.connections, second.printers, new RelayStats());
        LanRouter lan = new LanRouter(second.connections, second.printers, new LanRequestLog());

        assertEquals(
                200,
                relay.answer(new RelayRequest(
                                connection.id(),
                                "GET",
                                "/api/version",
                                Optional.of("Bearer " + connection.authBearerToken()),
                                connection.octoPrintApiKey()))
                        .status());
        assertEquals(
                604,
                relay.answer(new RelayRequest(
                                revoked.id(),
                                "GET",
                                "/api/version",
                                Optional.of("Bearer " + revoked.authBearerToken()),
                                Optional.empty()))
                        .status());
        assertEquals(
                200,
                lan.answer(LanRequest.of(
                                "/" + connection.printerId() + "/api/version",
                                "GET",
                                Map.of(
                                        "X-Api-Key",
                                        List.of(connection.octoPrintApiKey().orElseThrow()))))
                        .status());
        assertEquals(
                200,
                lan.answer(LanRequest.of(
                                "/" + second.printer(1).id() + "/api/version",
                                "GET",
                                Map.of("X-Api-Key", List.of(userApiKey))))
                        .status());
    }

    @Test
    void webhookDeliveriesKeepFlowingAfterARestart() {
        Server first = new Server();
        AppConnection connection = first.connect(0, false);
        WebhookRegistration registration = first.register(connection, Set.of(1), "http://localhost:8080/hook");
        first.keeper.stop();

        Server second = new Server();
        Webhooks webhooks = new Webhooks(
                second.connections, second.webhooks, new WebhookLog(), clock, (url, json) -> 200, Runnable::run);

        assertEquals(List.of(registration), webhooks.targets(connection.printerId()));
    }

    @Test
    void aRevocationAndItsUndoingAreWritten() {
        Server first = new Server();
        AppConnection connection = first.connect(0, false);
        first.keeper.flush();
        first.connections.revoke(connection.id(), true);
        first.keeper.flush();

        assertTrue(new Server().connections.isRevoked(connection.id()));

        first.connections.revoke(connection.id(), false);
        first.keeper.flush();

        assertFalse(new Server().connections.isRevoked(connection.id()));
    }

    @Test
    void aWebhookSetAndThenDeletedIsWrittenEachTime() {
        Server first = new Server();
        AppConnection connection = first.connect(0, false);
        first.keeper.flush();
        WebhookRegistration registration = first.register(connection, Set.of(), "http://localhost:8080/hook");
        first.keeper.flush();

        assertEquals(List.of(registration), new Server().webhooks.all());

        first.webhooks.delete(connection.id());
        first.keeper.flush();
        Server third = new Server();

        assertEquals(List.of(connection), third.connections.all());
        assertEquals(List.of(), third.webhooks.all());
    }

    @Test
    void aNewUserApiKeyIsKeptAndTheOldOneForgotten() {
        Server first = new Server();
        first.keeper.flush();
        String old = first.printer(1).userApiKey();
        String replacement = first.printer(1).newUserApiKey();
        first.keeper.flush();

        String kept = new Server().printer(1).userApiKey();

        assertEquals(replacement, kept);
        assertNotEquals(old, kept);
    }

    @Test
    void theUserApiKeysOfAFirstStartAreKeptEvenWithoutAnyChange() {
        Server first = new Server();
        Map<String, String> keys = first.userApiKeys();
        first.keeper.stop();

        assertEquals(keys, new Server().userApiKeys());
    }

    @Test
    void aChangeIsWrittenByTheWriterNotByTheThreadMakingIt() throws IOException {
        Server server = new Server();
        server.keeper.flush();
        AppConnection connection = server.connect(0, true);

        assertFalse(Files.readString(file()).contains(connection.id()), "nothing written on the caller's thread");

        server.keeper.flush();

        assertTrue(Files.readString(file()).contains(connection.id()));
    }

    @Test
    void theBackgroundWriterWritesAChangeWithinMoments() {
        Server server = new Server();
        server.keeper.startWriter();
        AppConnection connection = server.connect(0, false);

        eventually(Duration.ofSeconds(10), () -> fileContains(connection.id()));
        server.connections.clear();
        eventually(Duration.ofSeconds(10), () -> !fileContains(connection.id()));
    }

    @Test
    void tenThousandConnectionsAreWrittenAndTakenBackQuickly() {
        Server first = new Server();
        List<AppConnection> connections = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            List<AppConnection> created = new ArrayList<>();
            for (int i = 0; i < 10_000; i++) {
                created.add(first.connect(i % 3, i % 2 == 0));
            }
            first.keeper.flush();
            return created;
        });

        Server second = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> new Server());

        assertEquals(10_000, second.connections.all().size());
        assertEquals(
                Optional.of(connections.get(9_999)),
                second.connections.find(connections.get(9_999).id()));
    }

    @Test
    void aResetClearsTheFileToo() throws IOException {
        Server first = new Server();
        AppConnection connection = first.connect(0, true);
        first.register(connection, Set.of(), "http://localhost:8080/hook");
        first.keeper.flush();
        Map<String, String> keysBefore = first.userApiKeys();
        assertTrue(Files.readString(file()).contains(connection.appApiToken()));

        reset(first).run();
        first.keeper.flush();

        assertFalse(Files.readString(file()).contains(connection.id()));
        assertFalse(Files.readString(file()).contains(connection.appApiToken()));
        Server second = new Server();
        assertEquals(List.of(), second.connections.all());
        assertEquals(List.of(), second.webhooks.all());
        assertEquals(first.userApiKeys(), second.userApiKeys(), "the keys the reset gave");
        assertNotEquals(keysBefore, second.userApiKeys());
    }

    @Test
    void aCorruptFileIsSetAsideWithOneWarningAndTheSandboxStartsEmpty() throws IOException {
        Files.writeString(file(), "{\"version\": 1, \"connections\": [{\"id\": ");

        Server server = new Server();

        assertEquals(List.of(), server.connections.all());
        assertEquals("{\"version\": 1, \"connections\": [{\"id\": ", Files.readString(dir.resolve(ASIDE)));
        List<String> warnings = warnings();
        assertEquals(1, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).contains(file().toString()), warnings.get(0));
        assertTrue(warnings.get(0).contains("not valid JSON"), warnings.get(0));
        assertTrue(warnings.get(0).contains(dir.resolve(ASIDE).toString()), warnings.get(0));

        AppConnection connection = server.connect(0, false);
        server.keeper.flush();

        assertEquals(List.of(connection), new Server().connections.all());
        assertEquals(1, warnings().size(), "the new file reads without a warning");
    }

    @Test
    void anOversizedFileIsSetAsideUnread() throws IOException {
        Server first = new Server();
        for (int i = 0; i < 10; i++) {
            first.connect(0, true);
        }
        first.keeper.stop();
        String written = Files.readString(file());

        Server second = new Server(1024);

        assertTrue(written.length() > 1024, "the file is over the cap: " + written.length());
        assertEquals(List.of(), second.connections.all());
        assertEquals(written, Files.readString(setAside()));
        assertEquals(1, warnings().size());
        assertTrue(
                warnings().get(0).contains("larger than 1024 bytes"), warnings().get(0));
    }

    @Test
    void entriesWithMissingFieldsAreLeftOutTheRestTakenBackAndNoSecretLogged() throws IOException {
        Server first = new Server();
        AppConnection kept = first.connect(0, true);
        AppConnection broken = first.connect(1, true);
        AppConnection alsoKept = first.connect(2, false);
        first.register(kept, Set.of(), "http://localhost:8080/kept");
        first.register(broken, Set.of(), "http://localhost:8080/broken");
        first.keeper.stop();
        edit(Json.createPatchBuilder().remove("/connections/1/authBearerToken").build());
        String edited = Files.readString(file());

        Server second = new Server();

        assertEquals(List.of(kept, alsoKept), second.connections.all());
        assertEquals(
                List.of(kept.id()),
                second.webhooks.all().stream()
                        .map(WebhookRegistration::connectionId)
                        .toList());
        assertEquals(edited, Files.readString(setAside()), "the file as it was is set aside");
        List<String> warnings = warnings();
        assertEquals(1, warnings.size(), warnings.toString());
        String warning = warnings.get(0);
        assertTrue(warning.contains(file().toString()), warning);
        assertTrue(warning.contains("connections[1]: missing or invalid authBearerToken"), warning);
        assertTrue(warning.contains("2 entries could not be taken back"), warning);
        assertTrue(warning.contains("] is for a connection that is not kept"), warning);
        for (AppConnection connection : List.of(kept, broken, alsoKept)) {
            for (String secret : List.of(
                    connection.authBasicHttpUser(),
                    connection.authBasicHttpPassword(),
                    connection.authBearerToken(),
                    connection.appApiToken())) {
                assertFalse(warning.contains(secret), warning);
            }
        }

        second.keeper.flush();

        assertEquals(List.of(kept, alsoKept), new Server().connections.all(), "what was read is written back");
        assertEquals(1, warnings().size());
    }

    @Test
    void aWebhookToAHostTheSandboxWouldNotCallIsNotTakenBack() throws IOException {
        Server first = new Server();
        AppConnection connection = first.connect(0, false);
        first.register(connection, Set.of(), "http://localhost:8080/hook");
        first.keeper.stop();
        edit(Json.createPatchBuilder()
                .replace("/webhooks/0/url", "http://example.com/collect")
                .build());

        Server second = new Server();

        assertEquals(List.of(connection), second.connections.all());
        assertEquals(List.of(), second.webhooks.all());
        assertTrue(
                warnings().get(0).contains("webhooks[0]: url is not one the sandbox calls"),
                warnings().get(0));
        assertFalse(warnings().get(0).contains("example.com"), warnings().get(0));
    }

    @Test
    void aFileOfAnotherVersionIsSetAside() throws IOException {
        Server first = new Server();
        first.connect(0, false);
        first.keeper.stop();
        edit(Json.createPatchBuilder().replace("/version", 2).build());

        Server second = new Server();

        assertEquals(List.of(), second.connections.all());
        assertTrue(Files.readString(setAside()).contains("\"version\":2"));
        assertTrue(warnings().get(0).contains("version"), warnings().get(0));
    }

    @Test
    void aHalfWrittenTemporaryFileLeftBehindIsIgnoredAndRemoved() throws IOException {
        Server first = new Server();
        AppConnection connection = first.connect(0, true);
        first.keeper.stop();
        String written = Files.readString(file());
        Files.writeString(dir.resolve("connections.json.tmp"), written.substring(0, written.length() / 2));

        Server second = new Server();

        assertEquals(List.of(connection), second.connections.all());
        assertFalse(Files.exists(dir.resolve("connections.json.tmp")));
        assertEquals(List.of(), warnings());
    }

    @Test
    void theFileAndTheDirectoryItMadeAreForTheOwnerOnly() throws IOException {
        assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"), "POSIX permissions");
        Path stateDir = dir.resolve("sandbox");
        StateKeeper keeper = new StateKeeper(
                SandboxSettings.defaults().withStateDir(Optional.of(stateDir)),
                new ConnectionRegistry(clock),
                new WebhookRegistry(),
                printers(),
                clock);

        keeper.load();
        keeper.flush();

        assertEquals(Optional.of(stateDir.resolve(StateKeeper.FILE_NAME)), keeper.path());
        assertEquals(
                "rw-------",
                PosixFilePermissions.toString(Files.getPosixFilePermissions(stateDir.resolve(StateKeeper.FILE_NAME))));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(stateDir)));
    }

    @Test
    void aStateDirThatCannotBeUsedFailsTheStartNamingTheKey() throws IOException {
        Path notADirectory = Files.writeString(dir.resolve("plain-file"), "");
        StateKeeper keeper = new StateKeeper(
                SandboxSettings.defaults().withStateDir(Optional.of(notADirectory)),
                new ConnectionRegistry(clock),
                new WebhookRegistry(),
                printers(),
                clock);

        IllegalStateException refused = assertThrows(IllegalStateException.class, keeper::load);

        assertTrue(refused.getMessage().startsWith("sandbox.state-dir: "), refused.getMessage());
    }

    @Test
    void withoutAStateDirNothingIsKeptOrWritten() throws IOException {
        ConnectionRegistry connections = new ConnectionRegistry(clock);
        PrinterRegistry printers = printers();
        StateKeeper keeper =
                new StateKeeper(SandboxSettings.defaults(), connections, new WebhookRegistry(), printers, clock);
        keeper.load();
        keeper.startWriter();
        connections.create(printers.all().get(0).id(), "devtest", RELAY, true);
        keeper.stop();

        ConnectionRegistry afterRestart = new ConnectionRegistry(clock);
        StateKeeper restarted =
                new StateKeeper(SandboxSettings.defaults(), afterRestart, new WebhookRegistry(), printers, clock);
        restarted.load();

        assertEquals(Optional.empty(), keeper.path());
        assertEquals(List.of(), afterRestart.all());
        assertFalse(Files.exists(Path.of(StateKeeper.FILE_NAME)), "nothing in the working directory");
        try (var files = Files.list(dir)) {
            assertEquals(List.of(), files.toList(), "nothing in the directory a test server keeps its state in");
        }
    }

    @Test
    void theKeptStateShowsNoSecret() {
        Server server = new Server();
        AppConnection connection = server.connect(0, true);
        server.register(connection, Set.of(), "http://localhost:8080/hook?token=webhook-secret");
        SandboxState state = server.keeper.snapshot();

        String text = state.toString();

        for (String secret : List.of(
                connection.authBasicHttpUser(),
                connection.authBasicHttpPassword(),
                connection.authBearerToken(),
                connection.appApiToken(),
                connection.octoPrintApiKey().orElseThrow(),
                server.printer(0).userApiKey(),
                "webhook-secret")) {
            assertFalse(text.contains(secret), text);
        }
        assertEquals("SandboxState[connections=1, revoked=0, webhooks=1, userApiKeys=3]", text);
    }

    private PrinterRegistry printers() {
        return new PrinterRegistry(
                new SandboxSettings(3, Optional.empty(), Duration.ofSeconds(1000), Optional.empty(), 0), clock);
    }

    private Path file() {
        return dir.resolve(StateKeeper.FILE_NAME);
    }

    private boolean fileContains(String text) {
        try {
            return Files.exists(file()) && Files.readString(file()).contains(text);
        } catch (IOException stillBeingReplaced) {
            return false;
        }
    }

    /** The one file set aside. */
    private Path setAside() throws IOException {
        try (var files = Files.list(dir)) {
            List<Path> aside = files.filter(path ->
                            path.getFileName().toString().matches("connections\\.json\\.unreadable-\\d{8}T\\d{6}Z"))
                    .toList();
            assertEquals(1, aside.size(), aside.toString());
            return aside.get(0);
        }
    }

    private void edit(JsonPatch patch) throws IOException {
        JsonObject json =
                Json.createReader(new StringReader(Files.readString(file()))).readObject();
        Files.writeString(file(), patch.apply(json).toString());
    }

    private List<String> warnings() {
        return logged.stream()
                .filter(record -> record.getLevel() == Level.WARNING)
                .map(LogRecord::getMessage)
                .toList();
    }

    private SandboxReset reset(Server server) {
        Webhooks webhooks = new Webhooks(
                server.connections, server.webhooks, new WebhookLog(), clock, (url, json) -> 200, Runnable::run);
        return new SandboxReset(
                server.connections,
                new RelayStats(),
                new LanRequestLog(),
                new ScriptedResponses(),
                new ConnectionResets(),
                server.webhooks,
                new WebhookLog(),
                new GadgetBoard(),
                new InfoCalls(clock),
                new LiveLinks(),
                server.printers,
                new PrintEventTicker(server.printers, webhooks),
                new WebcamBoard(clock, 5),
                new PushHub(server.printers),
                new RelayInFlight(),
                new RelayOutage(clock));
    }

    /** Polls until {@code condition} holds, failing after {@code limit}. */
    private static void eventually(Duration limit, BooleanSupplier condition) {
        Instant deadline = Instant.now().plus(limit);
        while (!condition.getAsBoolean()) {
            assertTrue(Instant.now().isBefore(deadline), "not within " + limit);
            LockSupport.parkNanos(Duration.ofMillis(10).toNanos());
        }
    }
}
