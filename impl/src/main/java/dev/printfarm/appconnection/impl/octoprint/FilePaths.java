package dev.printfarm.appconnection.impl.octoprint;

import java.nio.charset.StandardCharsets;

/** File paths within an OctoPrint location: checked, then encoded segment by segment for a URL. */
final class FilePaths {

    private static final int MAX_LENGTH = 1024;

    private FilePaths() {}

    /**
     * @throws IllegalArgumentException for a blank path, an absolute one, an empty, {@code .} or {@code ..} segment,
     *                                  a backslash, a double quote or a control character
     */
    static String check(String path) {
        if (path == null || path.isBlank()) {
            throw new IllegalArgumentException("a file path must not be blank");
        }
        if (path.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("a file path must be at most " + MAX_LENGTH + " characters");
        }
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c < 0x20 || c == 0x7f || c == '\\' || c == '"') {
                throw new IllegalArgumentException("a file path must not contain control characters, \\ or \"");
            }
        }
        for (String segment : path.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                throw new IllegalArgumentException("a file path is relative to its location, with no empty, . or .. "
                        + "segment, e.g. parts/bracket.gcode; got " + path);
            }
        }
        return path;
    }

    static String encode(String path) {
        StringBuilder encoded = new StringBuilder();
        for (String segment : check(path).split("/")) {
            if (encoded.length() > 0) {
                encoded.append('/');
            }
            for (byte b : segment.getBytes(StandardCharsets.UTF_8)) {
                int c = b & 0xff;
                if ((c >= 'a' && c <= 'z')
                        || (c >= 'A' && c <= 'Z')
                        || (c >= '0' && c <= '9')
                        || c == '-'
                        || c == '.'
                        || c == '_'
                        || c == '~') {
                    encoded.append((char) c);
                } else {
                    encoded.append('%')
                            .append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                            .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
                }
            }
        }
        return encoded.toString();
    }

    static String folder(String path) {
        int slash = check(path).lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }

    static String fileName(String path) {
        return check(path).substring(path.lastIndexOf('/') + 1);
    }
}
