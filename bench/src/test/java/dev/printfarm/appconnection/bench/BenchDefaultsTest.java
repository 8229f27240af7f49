package dev.printfarm.appconnection.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The bench reads a few of the module's settings through MicroProfile Config (it may not import the module's
 * classes); where it names a default, that default must be the module's, as {@code docs/configuration.md} documents
 * it, or a scenario would time its windows by a value the module does not use.
 */
class BenchDefaultsTest {

    private static final Pattern PROPERTY = Pattern.compile(
            "@ConfigProperty\\(name = \"(appconnection\\.[a-z0-9.-]+)\", defaultValue = \"([^\"]*)\"\\)");
    private static final Pattern ROW = Pattern.compile("^\\| `(appconnection\\.[a-z0-9.-]+)` \\| [^|]+ \\| `([^`]*)`");

    @Test
    void everyModuleDefaultTheBenchNamesIsTheDocumentedOne() throws IOException {
        Map<String, String> documented = new TreeMap<>();
        for (String line : Files.readAllLines(Path.of("../docs/configuration.md"))) {
            Matcher m = ROW.matcher(line);
            if (m.find()) {
                documented.put(m.group(1), m.group(2));
            }
        }
        List<String> wrong = new ArrayList<>();
        int named = 0;
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file :
                    files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                Matcher m = PROPERTY.matcher(Files.readString(file));
                while (m.find()) {
                    named++;
                    if (!m.group(2).equals(documented.get(m.group(1)))) {
                        wrong.add(file.getFileName() + ": " + m.group(1) + " = " + m.group(2) + ", documented "
                                + documented.get(m.group(1)));
                    }
                }
            }
        }
        assertFalse(named == 0, "the bench names some of the module's defaults");
        assertEquals(List.of(), wrong, "the bench's defaults against docs/configuration.md");
    }
}
