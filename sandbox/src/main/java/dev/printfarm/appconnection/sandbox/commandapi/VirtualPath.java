package dev.printfarm.appconnection.sandbox.commandapi;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A file as the command API names it: a virtual root ({@code gcode}, {@code config}, {@code logs}) and the path under
 * it, e.g. {@code gcode/models/benchy.gcode}. The {@code gcode} root is the printer's local files.
 *
 * @param relative the path under the root: the platform's own path ({@code PlatformPath})
 */
record VirtualPath(String root, String relative) {

    static final String GCODE = "gcode";

    String full() {
        return root + "/" + relative;
    }

    String fileName() {
        int slash = relative.lastIndexOf('/');
        return slash < 0 ? relative : relative.substring(slash + 1);
    }

    /** The {@code path} argument (or {@code filepath}, {@code file}), checked against the roots allowed here. */
    static VirtualPath of(CommandArgs args, List<String> allowedRoots) {
        String given = args.text("path", "filepath", "file")
                .orElse("")
                .replace('\\', '/')
                .strip();
        String normalized = given.replaceAll("^/+", "").replaceAll("/{2,}", "/").replaceAll("/+$", "");
        if (normalized.isEmpty()) {
            throw CommandError.badArgument("Missing Path. Provide a file path like " + usage(allowedRoots) + ".");
        }
        List<String> parts = List.of(normalized.split("/"));
        if (parts.stream().anyMatch(part -> part.isEmpty() || ".".equals(part) || "..".equals(part))) {
            throw CommandError.badArgument("Invalid Path. Use " + usage(allowedRoots)
                    + " without '.', '..', empty segments, or a trailing slash.");
        }
        String root = parts.get(0).toLowerCase(Locale.ROOT);
        if (!allowedRoots.contains(root)) {
            throw CommandError.badArgument(
                    "Unsupported path root '" + parts.get(0) + "'. Use " + usage(allowedRoots) + ".");
        }
        if (parts.size() == 1) {
            throw CommandError.badArgument("Invalid path. Include a file under " + usage(allowedRoots) + ", e.g. 'path="
                    + root + "/example.gcode'.");
        }
        return new VirtualPath(root, String.join("/", parts.subList(1, parts.size())));
    }

    static String usage(List<String> roots) {
        List<String> examples =
                roots.stream().sorted().map(root -> "'" + root + "/<file>'").toList();
        if (examples.size() == 1) {
            return examples.get(0);
        }
        return examples.subList(0, examples.size() - 1).stream().collect(Collectors.joining(", ")) + " or "
                + examples.get(examples.size() - 1);
    }
}
