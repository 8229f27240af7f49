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
 * types and allowed values, and the Fault Tolerance keys the module maps onto its own keys name real keys with their
 * real defaults. Run with {@code -Dconfiguration.docs.write=true} to write the type and allowed cells of the tables
 * from the settings instead of checking them (the rest of a row is prose, written by hand).
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

    private static final List<String> HEADER = List.of("key", "type", "default", "allowed", "meaning");
    private static final int TYPE = 1;
    private static final int DEFAULT = 2;
    private static final int ALLOWED = 3;
    private static final int MEANING = 4;

    /** The rows of the tables headed "| key | type | default | allowed | meaning |": key to its row's cells. */
    private static Map<String, List<String>> documentedRows() throws IOException {
        assertTrue(Files.isRegularFile(DOCS), "run from the impl module: " + DOCS.toAbsolutePath());
        Map<String, List<String>> rows = new LinkedHashMap<>();
        boolean inKeyTable = false;
        for (String line : Files.readAllLines(DOCS)) {
            if (!line.startsWith("|")) {
                inKeyTable = false;
                continue;
            }
            List<String> cells = List.of(line.substring(1).split("\\|")).stream()
                    .map(String::strip)
                    .toList();
            if (cells.get(0).equals("key")) {
                inKeyTable = true;
                assertEquals(HEADER, cells, line);
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
            String documented = row.getValue().get(DEFAULT);
            if (documented.startsWith("—")) {
                assertEquals(Optional.empty(), key.fallback(), row.getKey() + " is documented without default");
            } else {
                Matcher value = BACKTICKED.matcher(documented);
                assertTrue(value.lookingAt(), row.getKey() + ": the default in backticks first: " + documented);
                assertEquals(key.fallback(), Optional.of(value.group(1)), row.getKey() + "'s default");
            }
            if (key.secret()) {
                assertTrue(row.getValue().get(MEANING).contains("secret"), row.getKey() + " is documented as a secret");
            }
        }
    }

    @Test
    void eachDocumentedTypeAndAllowedValueIsWhatTheSettingsCheck() throws IOException {
        Map<String, ConfigReader.Key> read = keysRead();
        if (Boolean.getBoolean("configuration.docs.write")) {
            write(read);
        }
        for (Map.Entry<String, List<String>> row : documentedRows().entrySet()) {
            ConfigReader.Key key = read.get(row.getKey());
            if (key == null) {
                continue;
            }
            assertEquals(
                    key.type(),
                    row.getValue().get(TYPE),
                    row.getKey() + "'s type (-Dconfiguration.docs.write=true" + " writes it)");
            assertEquals(
                    key.allowed(),
                    unescaped(row.getValue().get(ALLOWED)),
                    row.getKey() + "'s allowed values" + " (-Dconfiguration.docs.write=true writes them)");
        }
    }

    /** Rewrites the type and allowed cells of every documented key that the settings read. */
    private static void write(Map<String, ConfigReader.Key> read) throws IOException {
        List<String> lines = new java.util.ArrayList<>();
        for (String line : Files.readAllLines(DOCS)) {
            Matcher key = BACKTICKED.matcher(line);
            List<String> cells =
                    line.startsWith("| `") ? List.of(line.substring(1).split("\\|", -1)) : List.of();
            if (cells.size() == HEADER.size() + 1 && key.find() && read.containsKey(key.group(1))) {
                ConfigReader.Key k = read.get(key.group(1));
                List<String> rewritten = new java.util.ArrayList<>(cells);
                rewritten.set(TYPE, " " + k.type() + " ");
                rewritten.set(ALLOWED, " " + escaped(k.allowed()) + " ");
                line = "|" + String.join("|", rewritten);
            }
            lines.add(line);
        }
        Files.write(DOCS, lines);
    }

    /** An asterisk in a table cell is written with a backslash before it, so that Markdown does not read emphasis. */
    private static String escaped(String text) {
        return text.replace("*", "\\*");
    }

    private static String unescaped(String cell) {
        return cell.replace("\\*", "*");
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
                assertEquals(
                        key.fallback(),
                        Optional.ofNullable(reference.group(2)),
                        name + " falls back to the module key's own default");
            }
        }
        assertTrue(references >= 1, "the bulkhead is fed by appconnection.relay.max-concurrent: " + mapped);
    }
}
