package dev.printfarm.appconnection.it.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds the relative links of Markdown files that point nowhere: a file that does not exist (or lies outside the
 * repository), or an anchor that matches no heading of its target as a forge renders it (GitHub's slugs: lower case,
 * punctuation dropped, each space a hyphen, {@code -1}, {@code -2} … for repeats). Links inside code are not links;
 * absolute URLs are left alone (checking them needs the network).
 */
final class DocLinks {

    /** {@code [text](target "title")} and {@code ![alt](target)}; the target may sit in angle brackets. */
    private static final Pattern INLINE =
            Pattern.compile("!?\\[(?:[^\\[\\]]|\\[[^\\[\\]]*])*]\\(\\s*(<[^>]*>|[^)\\s]+)(?:\\s+\"[^\"]*\")?\\s*\\)");
    /** {@code [label]: target} on a line of its own. */
    private static final Pattern REFERENCE = Pattern.compile("^ {0,3}\\[[^\\]]+]:\\s*(<[^>]*>|\\S+)");
    /** {@code href="…"} and {@code src="…"} of inline HTML. */
    private static final Pattern HTML = Pattern.compile("\\b(?:href|src)=\"([^\"]*)\"");
    /** Explicit anchors of inline HTML: {@code <a id="…">} or {@code name="…"}. */
    private static final Pattern HTML_ANCHOR = Pattern.compile("<a\\s[^>]*\\b(?:id|name)=\"([^\"]+)\"");

    private static final Pattern ATX = Pattern.compile("^ {0,3}(#{1,6})\\s+(.*?)(?:\\s+#+)?\\s*$");
    private static final Pattern SETEXT = Pattern.compile("^ {0,3}(=+|-+)\\s*$");
    private static final Pattern FENCE = Pattern.compile("^ {0,3}(`{3,}|~{3,})");
    private static final Pattern CODE_SPAN = Pattern.compile("(`+)(?:(?!\\1).)+?\\1");
    private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:|^//");

    /** One link that points nowhere, where it is and why. */
    record Broken(Path file, int line, String target, String why) {
        @Override
        public String toString() {
            return file + ":" + line + ": (" + target + ") " + why;
        }
    }

    private final Path root;
    private final Map<Path, Set<String>> anchors = new HashMap<>();

    DocLinks(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    /** The Markdown files a reader of the repository meets: the README and everything under {@code docs/}. */
    List<Path> documents() {
        List<Path> files = new ArrayList<>();
        files.add(root.resolve("README.md"));
        Path docs = root.resolve("docs");
        if (Files.isDirectory(docs)) {
            try (Stream<Path> walk = Files.walk(docs)) {
                walk.filter(p -> p.toString().endsWith(".md")).sorted().forEach(files::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return files;
    }

    /** Every broken relative link of the given files. */
    List<Broken> check(List<Path> files) {
        List<Broken> broken = new ArrayList<>();
        for (Path file : files) {
            List<String> lines = prose(read(file));
            for (int i = 0; i < lines.size(); i++) {
                for (String target : targets(lines.get(i))) {
                    String why = problem(file, target);
                    if (why != null) {
                        broken.add(
                                new Broken(root.relativize(file.toAbsolutePath().normalize()), i + 1, target, why));
                    }
                }
            }
        }
        return broken;
    }

    /** Why {@code target}, linked from {@code file}, points nowhere; null when it points somewhere. */
    private String problem(Path file, String target) {
        if (SCHEME.matcher(target).find()) {
            return null;
        }
        int hash = target.indexOf('#');
        String path = hash < 0 ? target : target.substring(0, hash);
        String fragment = hash < 0 ? null : target.substring(hash + 1);
        int query = path.indexOf('?');
        if (query >= 0) {
            path = path.substring(0, query);
        }
        Path to = path.isEmpty()
                ? file.toAbsolutePath().normalize()
                : file.toAbsolutePath()
                        .getParent()
                        .resolve(URLDecoder.decode(path.replace("+", "%2B"), StandardCharsets.UTF_8))
                        .normalize();
        if (!to.startsWith(root)) {
            return "leaves the repository";
        }
        if (!Files.exists(to)) {
            return "no such file: " + root.relativize(to);
        }
        if (fragment == null || fragment.isEmpty()) {
            return null;
        }
        if (!to.toString().endsWith(".md")) {
            return "an anchor into a file that is not Markdown";
        }
        Set<String> known = anchors.computeIfAbsent(to, p -> anchorsOf(read(p)));
        String wanted = URLDecoder.decode(fragment.replace("+", "%2B"), StandardCharsets.UTF_8);
        return known.contains(wanted) ? null : "no heading with the anchor #" + wanted + " in " + root.relativize(to);
    }

    /** The link targets of one line of prose. */
    static List<String> targets(String line) {
        List<String> targets = new ArrayList<>();
        String text = CODE_SPAN.matcher(line).replaceAll("");
        Matcher m = INLINE.matcher(text);
        while (m.find()) {
            targets.add(unbracket(m.group(1)));
        }
        m = REFERENCE.matcher(text);
        if (m.find()) {
            targets.add(unbracket(m.group(1)));
        }
        m = HTML.matcher(text);
        while (m.find()) {
            targets.add(m.group(1));
        }
        return targets;
    }

    private static String unbracket(String target) {
        return target.startsWith("<") && target.endsWith(">") ? target.substring(1, target.length() - 1) : target;
    }

    /** The anchors a forge gives a Markdown text: one per heading, plus explicit HTML anchors. */
    static Set<String> anchorsOf(List<String> text) {
        Set<String> anchors = new LinkedHashSet<>();
        Map<String, Integer> seen = new HashMap<>();
        List<String> lines = prose(text);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            String heading = null;
            Matcher atx = ATX.matcher(line);
            if (atx.matches()) {
                heading = atx.group(2);
            } else if (i + 1 < lines.size()
                    && !line.isBlank()
                    && SETEXT.matcher(lines.get(i + 1)).matches()
                    && !lines.get(i + 1).isBlank()
                    && !line.startsWith("|")
                    && !line.strip().startsWith("-")) {
                heading = line.strip();
            }
            if (heading != null) {
                String slug = slug(heading);
                int n = seen.merge(slug, 1, Integer::sum) - 1;
                anchors.add(n == 0 ? slug : slug + "-" + n);
            }
            Matcher html = HTML_ANCHOR.matcher(line);
            while (html.find()) {
                anchors.add(html.group(1));
            }
        }
        return anchors;
    }

    /**
     * A heading's anchor as GitHub makes it from the heading's rendered text: markup removed, lower case, every
     * character but letters, digits, {@code -} and {@code _} dropped, each space a hyphen.
     */
    static String slug(String heading) {
        String text = heading.replaceAll("!?\\[([^\\]]*)]\\([^)]*\\)", "$1")
                .replaceAll("<[^>]+>", "")
                .replace("`", "")
                .replace("*", "")
                .replace("~~", "");
        StringBuilder slug = new StringBuilder();
        text.strip().toLowerCase(java.util.Locale.ROOT).codePoints().forEach(c -> {
            int type = Character.getType(c);
            if (Character.isLetterOrDigit(c)
                    || c == '-'
                    || c == '_'
                    || type == Character.NON_SPACING_MARK
                    || type == Character.COMBINING_SPACING_MARK) {
                slug.appendCodePoint(c);
            } else if (c == ' ') {
                slug.append('-');
            }
        });
        return slug.toString();
    }

    /** The lines with fenced code blocks blanked out (kept as empty lines, so line numbers stay right). */
    static List<String> prose(List<String> lines) {
        List<String> prose = new ArrayList<>(lines.size());
        String fence = null;
        for (String line : lines) {
            Matcher m = FENCE.matcher(line);
            if (fence == null && m.find()) {
                fence = m.group(1);
                prose.add("");
            } else if (fence != null) {
                String s = line.strip();
                char mark = fence.charAt(0);
                if (s.length() >= fence.length() && s.chars().allMatch(c -> c == mark)) {
                    fence = null;
                }
                prose.add("");
            } else {
                prose.add(line);
            }
        }
        return prose;
    }

    private static List<String> read(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
