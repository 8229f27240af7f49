package dev.printfarm.appconnection.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every package of the module says in its {@code package-info.java} what it is for and which other packages of the
 * module it may use ("May use: ..."); this test holds the imports, and the table in {@code docs/architecture.md}, to
 * what the package-infos say, so the arrows in the documentation cannot drift from the code.
 */
class PackageRulesTest {

    private static final Path ROOT = Path.of("src/main/java/dev/printfarm/appconnection/impl");
    private static final Path ARCHITECTURE = Path.of("../docs/architecture.md");
    private static final String PREFIX = "dev.printfarm.appconnection.impl.";
    private static final Pattern USE = Pattern.compile(PREFIX.replace(".", "\\.") + "([a-z]+)\\.[A-Z]");
    private static final Pattern CODE = Pattern.compile("\\{@code ([a-z]+)}");

    @Test
    void everyPackageSaysWhatItIsForAndWhatItMayUse() throws IOException {
        List<String> missing = new ArrayList<>();
        for (Path dir : packages()) {
            Path info = dir.resolve("package-info.java");
            if (!Files.exists(info) || mayUse(info).isEmpty()) {
                missing.add(ROOT.relativize(dir).toString());
            }
        }
        assertEquals(List.of(), missing, "packages without a package-info.java that has a 'May use:' sentence");
    }

    @Test
    void noPackageUsesWhatItsPackageInfoDoesNotAllow() throws IOException {
        TreeMap<String, Set<String>> broken = new TreeMap<>();
        for (Path dir : packages()) {
            if (dir.equals(ROOT)) {
                continue;
            }
            String name = dir.getFileName().toString();
            Set<String> allowed = mayUse(dir.resolve("package-info.java")).orElse(Set.of());
            try (Stream<Path> files = Files.list(dir)) {
                for (Path file :
                        files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    Matcher m = USE.matcher(Files.readString(file));
                    while (m.find()) {
                        String used = m.group(1);
                        if (!used.equals(name) && !allowed.contains(used)) {
                            broken.computeIfAbsent(name + " (" + file.getFileName() + ")", k -> new TreeSet<>())
                                    .add(used);
                        }
                    }
                }
            }
        }
        assertTrue(broken.isEmpty(), "uses not allowed by package-info.java: " + broken);
    }

    @Test
    void theArchitecturePagesTableSaysWhatThePackageInfosSay() throws IOException {
        TreeMap<String, Set<String>> documented = new TreeMap<>();
        Pattern row = Pattern.compile("^\\| `([a-z]+)` \\| [^|]+ \\| ([^|]+) \\|$");
        for (String line : Files.readAllLines(ARCHITECTURE)) {
            Matcher m = row.matcher(line);
            if (m.matches()) {
                Set<String> names = new TreeSet<>();
                Matcher code = Pattern.compile("`([a-z]+)`").matcher(m.group(2));
                while (code.find()) {
                    names.add(code.group(1));
                }
                documented.put(m.group(1), names);
            }
        }
        TreeMap<String, Set<String>> declared = new TreeMap<>();
        for (Path dir : packages()) {
            if (!dir.equals(ROOT)) {
                declared.put(
                        dir.getFileName().toString(),
                        new TreeSet<>(mayUse(dir.resolve("package-info.java")).orElse(Set.of())));
            }
        }
        assertEquals(declared, documented, ARCHITECTURE + ", table of the impl packages (package, owns, may use)");
    }

    @Test
    void theRuleReaderSeesTheSentence() throws IOException {
        Path temp = Files.createTempFile("package-info", ".java");
        try {
            Files.writeString(temp, "/**\n * Things.\n *\n * <p>May use: {@code store},\n * {@code internal}.\n */\n");
            assertEquals(Set.of("store", "internal"), mayUse(temp).orElseThrow());
            Files.writeString(temp, "/**\n * <p>May use: nothing else in the module.\n */\n");
            assertEquals(Set.of(), mayUse(temp).orElseThrow());
            Files.writeString(temp, "/** Things. */\n");
            assertFalse(mayUse(temp).isPresent());
        } finally {
            Files.delete(temp);
        }
    }

    private static List<Path> packages() throws IOException {
        try (Stream<Path> dirs = Files.walk(ROOT)) {
            return dirs.filter(Files::isDirectory).sorted().toList();
        }
    }

    /** The packages named after "May use:" up to the end of that sentence; empty when there is no such sentence. */
    private static java.util.Optional<Set<String>> mayUse(Path info) throws IOException {
        String text = Files.readString(info);
        int at = text.indexOf("May use:");
        if (at < 0) {
            return java.util.Optional.empty();
        }
        int end = text.indexOf('.', text.indexOf(':', at));
        String sentence = text.substring(at, end < 0 ? text.length() : end);
        Set<String> names = new TreeSet<>();
        Matcher m = CODE.matcher(sentence);
        while (m.find()) {
            names.add(m.group(1));
        }
        return java.util.Optional.of(names);
    }
}
