package dev.printfarm.appconnection.impl.moonraker;

/**
 * File paths in Moonraker's {@code gcodes} root, checked before anything is sent. Klipper gets a print's file name
 * inside a G-code command ({@code SDCARD_PRINT_FILE FILENAME="…"}), so a quote, a backslash or a line break would
 * change the command; a path must also stay inside the root. Pure.
 */
final class MoonrakerPaths {

    private static final int MAX_LENGTH = 1024;

    private MoonrakerPaths() {}

    /**
     * @throws IllegalArgumentException for a blank or over-long path, an absolute one, an empty, {@code .} or
     *                                  {@code ..} segment, a backslash, a double quote or a control character
     */
    static String check(String path) {
        if (path == null || path.isBlank()) {
            throw new IllegalArgumentException("a file name must not be blank; give a path relative to the gcodes "
                    + "root, e.g. parts/bracket.gcode");
        }
        if (path.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("a file name must be at most " + MAX_LENGTH + " characters");
        }
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c < 0x20 || c == 0x7f || c == '\\' || c == '"') {
                throw new IllegalArgumentException("a file name must not contain control characters (line breaks "
                        + "included), \\ or \": Klipper receives it inside a G-code command");
            }
        }
        for (String segment : path.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                throw new IllegalArgumentException("a file name is a path relative to the gcodes root with no empty, "
                        + ". or .. segment, e.g. parts/bracket.gcode; got " + path);
            }
        }
        return path;
    }

    static String folder(String path) {
        int slash = check(path).lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }

    static String fileName(String path) {
        return check(path).substring(path.lastIndexOf('/') + 1);
    }
}
