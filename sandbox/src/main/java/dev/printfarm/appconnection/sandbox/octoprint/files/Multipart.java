package dev.printfarm.appconnection.sandbox.octoprint.files;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Just enough of {@code multipart/form-data} for OctoPrint's upload: named parts, one of them a file. Pure. */
public final class Multipart {

    /** One part; {@code filename} is present for file parts. */
    public record Part(String name, Optional<String> filename, byte[] content) {
        public Part {
            content = content.clone();
        }

        @Override
        public byte[] content() {
            return content.clone();
        }

        public String text() {
            return new String(content, StandardCharsets.UTF_8);
        }
    }

    private static final Pattern BOUNDARY =
            Pattern.compile("boundary=(\"([^\"]+)\"|[^;\\s]+)", Pattern.CASE_INSENSITIVE);
    private static final Pattern NAME = Pattern.compile("(?<![a-z])name=\"([^\"]*)\"", Pattern.CASE_INSENSITIVE);
    private static final Pattern FILENAME = Pattern.compile("filename=\"([^\"]*)\"", Pattern.CASE_INSENSITIVE);

    private Multipart() {}

    /** Empty when the content type is not multipart or the body is not well-formed. */
    public static Optional<List<Part>> parse(Optional<String> contentType, byte[] body) {
        Optional<String> boundary = contentType
                .filter(type -> type.toLowerCase(Locale.ROOT).startsWith("multipart/form-data"))
                .flatMap(Multipart::boundary);
        if (boundary.isEmpty()) {
            return Optional.empty();
        }
        byte[] delimiter = ("--" + boundary.get()).getBytes(StandardCharsets.ISO_8859_1);
        int at = indexOf(body, delimiter, 0);
        if (at < 0) {
            return Optional.empty();
        }
        List<Part> parts = new ArrayList<>();
        byte[] next = ("\r\n--" + boundary.get()).getBytes(StandardCharsets.ISO_8859_1);
        int position = at + delimiter.length;
        while (true) {
            if (startsWith(body, position, "--")) {
                return Optional.of(parts);
            }
            if (!startsWith(body, position, "\r\n")) {
                return Optional.empty();
            }
            int headersEnd = indexOf(body, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), position + 2);
            int end = headersEnd < 0 ? -1 : indexOf(body, next, headersEnd + 4);
            if (end < 0) {
                return Optional.empty();
            }
            String headers = new String(body, position + 2, headersEnd - position - 2, StandardCharsets.UTF_8);
            Optional<Part> part = part(headers, Arrays.copyOfRange(body, headersEnd + 4, end));
            if (part.isEmpty()) {
                return Optional.empty();
            }
            parts.add(part.get());
            position = end + next.length;
        }
    }

    private static Optional<Part> part(String headers, byte[] content) {
        for (String line : headers.split("\r\n")) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-disposition:")) {
                Matcher name = NAME.matcher(line);
                if (!name.find()) {
                    return Optional.empty();
                }
                Matcher filename = FILENAME.matcher(line);
                return Optional.of(new Part(
                        name.group(1), filename.find() ? Optional.of(filename.group(1)) : Optional.empty(), content));
            }
        }
        return Optional.empty();
    }

    private static Optional<String> boundary(String contentType) {
        Matcher matcher = BOUNDARY.matcher(contentType);
        if (!matcher.find()) {
            return Optional.empty();
        }
        return Optional.of(matcher.group(2) != null ? matcher.group(2) : matcher.group(1));
    }

    private static boolean startsWith(byte[] body, int position, String text) {
        return indexOf(body, text.getBytes(StandardCharsets.ISO_8859_1), position) == position;
    }

    private static int indexOf(byte[] haystack, byte[] needle, int from) {
        outer:
        for (int i = Math.max(0, from); i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
