package dev.printfarm.appconnection.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * After real portal flows through the shipped EAR, no secret the sandbox issued is found in plain text in
 * any Liberty log file (messages, trace, FFDC, HTTP access log) or in the database's files. Each scan is
 * checked to read the right files: the connection's id, which is not a secret, must be found there.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@Tag("store")
class SecretsAtRestIT {

    @Deployment(testable = false)
    static EnterpriseArchive farm() {
        return Deployments.farm();
    }

    private final FarmConsole console = new FarmConsole();

    @Test
    void noIssuedSecretIsStoredOrLoggedInPlainText() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String id =
                    console.connect(console.sandbox.printers().getJsonObject(i).getString("id"));
            ids.add(id);
            assertEquals(200, console.get("console/api/printers/" + id).statusCode());
        }
        List<String> secrets = new ArrayList<>();
        for (String id : ids) {
            JsonObject issued = console.sandbox.connection(id);
            for (String key : List.of(
                    "appApiToken",
                    "authBasicHttpUser",
                    "authBasicHttpPassword",
                    "authBearerToken",
                    "octoPrintApiKey")) {
                if (issued.get(key) != null && issued.get(key).getValueType() == JsonValue.ValueType.STRING) {
                    secrets.add(issued.getString(key));
                }
            }
        }
        assertTrue(secrets.size() >= 12, "the sandbox issued " + secrets.size() + " secrets");

        Path logs = Path.of(System.getProperty("it.server.logs"));
        Path store = Path.of(System.getProperty(
                "it.store.files",
                logs.resolveSibling("data").resolve("appconnection").toString()));
        assertFound(logs, ids.get(0), "the server logs (the module logs each stored connection's id)");
        assertFound(store, ids.get(0), "the database files");
        assertFound(logs, "/console/appconnection/callback", "the HTTP access log");
        for (String secret : secrets) {
            assertNotFound(logs, secret, "Liberty's logs");
            assertNotFound(store, secret, "the database files");
        }
    }

    private static void assertFound(Path dir, String text, String where) {
        assertFalse(
                filesContaining(dir, text).isEmpty(), "expected to find " + text + " in " + where + " under " + dir);
    }

    private static void assertNotFound(Path dir, String secret, String where) {
        List<Path> found = filesContaining(dir, secret);
        // The message names the files, never the secret.
        assertTrue(
                found.isEmpty(),
                "a secret (" + secret.length() + " chars) is in plain text in " + where + ": " + found);
    }

    private static List<Path> filesContaining(Path dir, String text) {
        byte[] needle = text.getBytes(StandardCharsets.UTF_8);
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile)
                    .filter(f -> contains(f, needle))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean contains(Path file, byte[] needle) {
        byte[] data;
        try {
            data = Files.readAllBytes(file);
        } catch (IOException e) {
            return false;
        }
        outer:
        for (int i = 0; i + needle.length <= data.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (data[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
