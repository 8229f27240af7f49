package dev.printfarm.appconnection.impl.startup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.printfarm.appconnection.impl.config.ConfigReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The documented keys (docs/configuration.md) are exactly the keys the settings records read, with the same defaults,
 * and the Fault Tolerance keys the module maps onto its own keys name real keys with their real defaults.
 */
class ConfigurationDocsTest {

    private static final Path DOCS = Path.of("..", "docs", "configuration.md");
    private static final Pattern BACKTICKED = Pattern.compile("`([^`]+)`");
    private static final Pattern MAPPED = Pattern.compile("\\$\\{(appconnection\\.[^:}]+)(?::([^}]*))?}");

    /** Every key the settings read, by name. */
    private static Map<String, ConfigReader.Key> keysRead() {
        Map<String, String> production = ModuleSettingsTest.production();
        ConfigReader in = new ConfigReader(key -> Optional.ofNullable(production.get(key)));
        ModuleSettings.read(in);
        assertEquals(List.of(), in.problems());
        Map<String, ConfigReader.Key> keys = new LinkedHashMap<>();
        in.keys().forEach(key -> keys.put(key.name(), key));
        return keys;
    }

    /** The rows of the tables headed "| key | default | meaning |": key to its row's cells. */
    private static Map<String, List<String>> documentedRows() throws IOException {
        assertTrue(Files.isRegularFile(DOCS), "run from the impl module: " + DOCS.toAbsolutePath());
        Map<String, List<String>> rows = new LinkedHashMap<>();
        boolean inKeyTable = false;
        for (String line : Files.readAllLines(DOCS)) {
            if (!line.startsWith("|")) {
                inKeyTable = false;
                continue;
            }
            List<String> cells = List.of(line.substring(1).split("\\|")).stream().map(String::strip).toList();
            if (cells.get(0).equals("key")) {
                inKeyTable = true;
                assertEquals(List.of("key", "default", "meaning"), cells, line);
                continue;
            }
            if (!inKeyTable || cells.get(0).startsWith("---")) {
                continue;
            }
            Matcher key = BACKTICKED.matcher(cells.get(0));
            assertTrue(key.matches(), "a key in backticks: " + line);
            assertFalse(rows.containsKey(key.group(1)), "documented twice: " + key.group(1));
            rows.put(key.group(1), cells);
        }
        return rows;
    }

    @Test
    void theDocumentedKeysAreExactlyTheKeysTheSettingsRead() throws IOException {
        TreeSet<String> read = new TreeSet<>(keysRead().keySet());
        TreeSet<String> documented = new TreeSet<>(documentedRows().keySet());
        TreeSet<String> undocumented = new TreeSet<>(read);
        undocumented.removeAll(documented);
        TreeSet<String> unread = new TreeSet<>(documented);
        unread.removeAll(read);
        assertEquals(List.of(), List.copyOf(undocumented), "read by the settings but missing from " + DOCS);
        assertEquals(List.of(), List.copyOf(unread), "in " + DOCS + " but read by no settings record");
        assertTrue(read.size() > 50, "too few keys to trust the comparison: " + read);
    }

    @Test
    void eachDocumentedDefaultIsTheDefaultTheSettingsUse() throws IOException {
        Map<String, ConfigReader.Key> read = keysRead();
        for (Map.Entry<String, List<String>> row : documentedRows().entrySet()) {
            ConfigReader.Key key = read.get(row.getKey());
            if (key == null) {
                continue;
            }
            String documented = row.getValue().get(1);
            if (documented.startsWith("—")) {
                assertEquals(Optional.empty(), key.fallback(), row.getKey() + " is documented without default");
            } else {
                Matcher value = BACKTICKED.matcher(documented);
                assertTrue(value.lookingAt(), row.getKey() + ": the default in backticks first: " + documented);
                assertEquals(key.fallback(), Optional.of(value.group(1)), row.getKey() + "'s default");
            }
            if (key.secret()) {
                assertTrue(row.getValue().get(2).contains("secret"), row.getKey() + " is documented as a secret");
            }
        }
    }

    @Test
    void faultToleranceKeysMappedOntoModuleKeysNameThemWithTheirDefaults() throws IOException {
        Map<String, ConfigReader.Key> read = keysRead();
        Properties mapped = new Properties();
        try (InputStream in = ModuleSettings.class.getResourceAsStream("/META-INF/microprofile-config.properties")) {
            mapped.load(in);
        }
        int references = 0;
        for (String name : mapped.stringPropertyNames()) {
            Matcher reference = MAPPED.matcher(mapped.getProperty(name));
            while (reference.find()) {
                references++;
                ConfigReader.Key key = read.get(reference.group(1));
                assertTrue(key != null, name + " refers to " + reference.group(1) + ", which no settings record reads");
                assertEquals(key.fallback(), Optional.ofNullable(reference.group(2)),
                        name + " falls back to the module key's own default");
            }
        }
        assertTrue(references >= 1, "the bulkhead is fed by appconnection.relay.max-concurrent: " + mapped);
    }
}
