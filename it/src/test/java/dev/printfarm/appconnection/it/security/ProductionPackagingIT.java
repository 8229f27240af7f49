package dev.printfarm.appconnection.it.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.printfarm.appconnection.it.ProductionServer;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * What a farm deploys to production (the farm EAR and the production server.xml, as they ship) carries nothing of the
 * demo: no sandbox, no demo default, HTTPS with plain HTTP redirected, /metrics behind a login, secure session
 * cookies; and a server given a demo default refuses to start, naming the keys, without touching the store.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ProductionPackagingIT {

    private static final ProductionServer SERVER = new ProductionServer();
    /** What only the demo may set: where OctoEverywhere is, who may log in, how secrets are sealed, the app id. */
    private static final List<String> DEMO_KEYS = List.of(
            "password",
            "appconnection.demo",
            "octoeverywhere.url",
            "app-id",
            "public-base-url",
            "store.keys",
            "relay.allow",
            "lan.allowed-ranges",
            "lan.url-template");

    @BeforeAll
    static void start() {
        SERVER.start();
    }

    @AfterAll
    static void stop() {
        SERVER.stop();
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    @Order(1)
    void theShippedEarHoldsNoSandboxAndNoDemoSetting() throws IOException {
        Path ear = Path.of(System.getProperty("it.deployments", "target/deployments"), "appconnection-ear.ear");
        List<String> found = new ArrayList<>();
        try (ZipFile zip = new ZipFile(ear.toFile())) {
            for (ZipEntry entry : java.util.Collections.list(zip.entries())) {
                if (entry.getName().toLowerCase(java.util.Locale.ROOT).contains("sandbox")) {
                    found.add(entry.getName());
                }
                if (entry.getName().endsWith(".war")) {
                    try (ZipInputStream war = new ZipInputStream(zip.getInputStream(entry))) {
                        for (ZipEntry inner = war.getNextEntry(); inner != null; inner = war.getNextEntry()) {
                            String name = inner.getName();
                            if (name.contains("sandbox")) {
                                found.add(entry.getName() + "!" + name);
                            }
                            if (name.endsWith("microprofile-config.properties")) {
                                Properties settings = new Properties();
                                settings.load(new java.io.ByteArrayInputStream(war.readAllBytes()));
                                for (String key : settings.stringPropertyNames()) {
                                    if (DEMO_KEYS.stream().anyMatch(key::contains)) {
                                        found.add(entry.getName() + "!" + name + " sets " + key);
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        assertEquals(List.of(), found, "the production EAR carries the demo");
    }

    @Test
    @Order(2)
    void theSandboxIsNotDeployed() {
        for (String path : List.of("sandbox/control/connections", "sandbox/appportal/v1/")) {
            assertEquals(
                    404,
                    SERVER.send(HttpRequest.newBuilder(SERVER.https.resolve(path))
                                    .GET())
                            .statusCode(),
                    path);
        }
    }

    @Test
    @Order(3)
    void plainHttpIsSentToHttps() {
        HttpResponse<String> answer = SERVER.send(HttpRequest.newBuilder(SERVER.http.resolve("console/login.html?x=1"))
                .GET());
        assertEquals(308, answer.statusCode(), answer.body());
        assertEquals(
                SERVER.https.resolve("console/login.html?x=1").toString(),
                answer.headers().firstValue("Location").orElseThrow());
    }

    @Test
    @Order(4)
    void metricsNeedALogin() {
        assertEquals(
                401,
                SERVER.send(HttpRequest.newBuilder(SERVER.https.resolve("metrics"))
                                .GET())
                        .statusCode(),
                "anonymous /metrics");
        assertEquals(
                200,
                SERVER.send(HttpRequest.newBuilder(SERVER.https.resolve("metrics"))
                                .header(
                                        "Authorization",
                                        basic(ProductionServer.MONITOR, ProductionServer.MONITOR_PASSWORD))
                                .GET())
                        .statusCode(),
                "/metrics for the monitoring user");
    }

    @Test
    @Order(5)
    void theDemoOperatorDoesNotExistAndTheFarmsOperatorGetsASecureSession() {
        assertEquals(
                401,
                SERVER.send(HttpRequest.newBuilder(SERVER.https.resolve("console/api/session"))
                                .header("Authorization", basic("operator", "operator"))
                                .GET())
                        .statusCode());
        HttpResponse<String> login = SERVER.send(HttpRequest.newBuilder(SERVER.https.resolve("console/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Origin", SERVER.https.toString().replaceAll("/$", ""))
                .POST(HttpRequest.BodyPublishers.ofString(
                        "username=" + ProductionServer.OPERATOR + "&password=" + ProductionServer.OPERATOR_PASSWORD)));
        assertEquals(302, login.statusCode(), login.body());
        List<String> cookies = login.headers().allValues("Set-Cookie");
        assertFalse(
                cookies.isEmpty(), "the login set no cookie: " + login.headers().map());
        for (String cookie : cookies) {
            String attributes = cookie.toLowerCase(java.util.Locale.ROOT);
            assertTrue(attributes.contains("; secure"), cookie);
            assertTrue(attributes.contains("; httponly"), cookie);
            assertTrue(attributes.contains("samesite=lax"), cookie);
        }
    }

    /** Last: it stops the server. */
    @Test
    @Order(100)
    void aServerGivenDemoDefaultsRefusesToStartAndChangesNoStoredRow() throws SQLException {
        // A row to keep: a portal flow, as "Connect printer" makes one.
        HttpResponse<String> connect = SERVER.send(HttpRequest.newBuilder(SERVER.https.resolve("console/connect"))
                .header("Authorization", basic(ProductionServer.OPERATOR, ProductionServer.OPERATOR_PASSWORD))
                .GET());
        assertEquals(302, connect.statusCode(), connect.body());
        SERVER.stop();
        Map<String, List<String>> before = rows(SERVER.derbyStore());
        assertFalse(before.getOrDefault("APPCONN_PORTAL_FLOW", List.of()).isEmpty(), "the flow was stored: " + before);

        String log = SERVER.startRefused("""
                  <variable name="console.operator.password" value="operator"/>
                  <variable name="appconnection.store.keys" value=""/>
                  <variable name="appconnection.relay.allowed-hosts" value="*.octoeverywhere.com,evil.example"/>
                  <variable name="appconnection.relay.allow-http" value="true"/>
                """);
        for (String key : List.of(
                "appconnection.store.keys", "appconnection.relay.allowed-hosts", "appconnection.relay.allow-http")) {
            assertTrue(log.contains(key), "the refusal names " + key + ":\n" + log);
        }
        assertEquals(before, rows(SERVER.derbyStore()), "a refused start changed stored rows");
    }

    /** Every row of every table of the store, as text, by table. */
    private static Map<String, List<String>> rows(Path store) throws SQLException {
        Map<String, List<String>> tables = new TreeMap<>();
        String url = "jdbc:derby:" + store.toAbsolutePath();
        try (Connection db = DriverManager.getConnection(url)) {
            List<String> names = new ArrayList<>();
            try (ResultSet t = db.getMetaData().getTables(null, null, "%", new String[] {"TABLE"})) {
                while (t.next()) {
                    names.add(t.getString("TABLE_SCHEM") + "." + t.getString("TABLE_NAME"));
                }
            }
            for (String name : names) {
                List<String> lines = new ArrayList<>();
                try (Statement s = db.createStatement();
                        ResultSet r = s.executeQuery("SELECT * FROM " + name)) {
                    int columns = r.getMetaData().getColumnCount();
                    while (r.next()) {
                        StringBuilder line = new StringBuilder();
                        for (int c = 1; c <= columns; c++) {
                            line.append(r.getString(c)).append('|');
                        }
                        lines.add(line.toString());
                    }
                }
                lines.sort(null);
                tables.put(name.substring(name.indexOf('.') + 1), lines);
            }
        } finally {
            try {
                DriverManager.getConnection(url + ";shutdown=true").close();
            } catch (SQLException expected) {
                // Derby reports a clean shutdown of a database as an exception (08006).
            }
        }
        return tables;
    }
}
