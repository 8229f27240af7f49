package dev.printfarm.appconnection.sandbox.state;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * One file of secrets in clear, written whole and atomically: a temporary file next to it ({@code <name>.tmp}),
 * forced to disk, then moved over it, so that a stop in the middle of a write leaves the last complete file.
 * Owner-only where the file system has POSIX permissions. Read with a size cap; a file that cannot be used is
 * moved aside ({@code <name>.unreadable-<UTC time>}), never overwritten. Not thread-safe: one writer at a time.
 */
final class StateFile {

    /** Far more than 10,000 connections take (about 5 MB); a larger file was not written by the sandbox. */
    static final long MAX_BYTES = 64L * 1024 * 1024;

    private static final Set<PosixFilePermission> OWNER_ONLY_DIR = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> OWNER_ONLY_FILE = PosixFilePermissions.fromString("rw-------");
    private static final DateTimeFormatter ASIDE_TIME =
            DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

    /** Why a file cannot be read; the reason names no content. */
    static final class Unreadable extends Exception {

        Unreadable(String reason) {
            super(reason, null, false, false);
        }
    }

    private final Path path;
    private final Path temp;
    private final long maxBytes;
    private final Clock clock;

    StateFile(Path path, long maxBytes, Clock clock) {
        if (maxBytes < 1 || maxBytes > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("maxBytes must be 1.." + (Integer.MAX_VALUE - 8) + ", got " + maxBytes);
        }
        this.path = path.toAbsolutePath();
        this.temp = this.path.resolveSibling(this.path.getFileName() + ".tmp");
        this.maxBytes = maxBytes;
        this.clock = clock;
    }

    Path path() {
        return path;
    }

    Path temp() {
        return temp;
    }

    /**
     * Creates the directory when missing (owner-only where it can) and checks it can be written. Removes a temporary
     * file a stop left half-written: true when there was one.
     */
    boolean prepare() throws IOException {
        Path dir = path.getParent();
        if (!Files.isDirectory(dir)) {
            Files.createDirectories(dir, ownerOnly(OWNER_ONLY_DIR));
        }
        if (!Files.isWritable(dir)) {
            throw new IOException(dir + " cannot be written");
        }
        return Files.deleteIfExists(temp);
    }

    /** The file's text; none when there is no file. */
    Optional<String> read() throws Unreadable {
        if (!Files.exists(path)) {
            return Optional.empty();
        }
        if (!Files.isRegularFile(path)) {
            throw new Unreadable("it is not a regular file");
        }
        byte[] bytes;
        try (InputStream in = Files.newInputStream(path)) {
            if (Files.size(path) > maxBytes) {
                throw new Unreadable("it is larger than " + size(maxBytes));
            }
            // The size may grow between the look and the read: read one byte past the cap, not to the end.
            bytes = in.readNBytes((int) maxBytes + 1);
        } catch (IOException e) {
            throw new Unreadable("it could not be read (" + e + ")");
        }
        if (bytes.length > maxBytes) {
            throw new Unreadable("it is larger than " + size(maxBytes));
        }
        try {
            return Optional.of(StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString());
        } catch (CharacterCodingException e) {
            throw new Unreadable("it is not UTF-8 text");
        }
    }

    /** Renames the file to {@code <name>.unreadable-<UTC time>} (and a counter if taken); its new path. */
    Path moveAside() throws IOException {
        String aside = path.getFileName() + ".unreadable-" + ASIDE_TIME.format(clock.instant());
        for (int attempt = 1; ; attempt++) {
            Path target = path.resolveSibling(attempt == 1 ? aside : aside + "-" + attempt);
            try {
                return Files.move(path, target);
            } catch (FileAlreadyExistsException taken) {
                if (attempt >= 100) {
                    throw taken;
                }
            }
        }
    }

    /** Replaces the file with {@code text}, atomically. */
    void write(String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        // Created afresh, so that the owner-only permissions apply from the first byte.
        Files.deleteIfExists(temp);
        try (FileChannel channel = FileChannel.open(
                temp, Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), ownerOnly(OWNER_ONLY_FILE))) {
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
        } catch (IOException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
        try {
            Files.move(temp, path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, path, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** The permissions where the file system has POSIX ones; none elsewhere (Windows: the directory's ACL). */
    private FileAttribute<?>[] ownerOnly(Set<PosixFilePermission> permissions) {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix")
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(permissions)}
                : new FileAttribute<?>[0];
    }

    private static String size(long bytes) {
        return bytes % (1024 * 1024) == 0 ? bytes / (1024 * 1024) + " MiB" : bytes + " bytes";
    }
}
