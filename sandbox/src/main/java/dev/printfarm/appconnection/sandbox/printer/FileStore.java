package dev.printfarm.appconnection.sandbox.printer;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One printer's files, in memory, at most {@code limitBytes} in all, plus a count of every upload byte received
 * (kept or not). Thread-safe.
 *
 * <p>The limit starts at the configured default and can be changed while the sandbox runs ({@code storageBytes} on
 * the control API). Files already stored stay when the limit drops below what they take: the store then reports no
 * free space and refuses every new file (413) until files are deleted, the limit is raised or the store is reset.
 */
public final class FileStore {

    public static final List<String> LOCATIONS = List.of("local", "sdcard");
    static final String SEED_PATH = "calibration-cube.gcode";

    /** Room for the multipart framing (boundaries, part headers, small form fields) around an upload. */
    public static final long MULTIPART_SLACK_BYTES = 1024 * 1024;

    private final long defaultLimitBytes;
    private final Map<String, StoredFile> files = new LinkedHashMap<>();
    private long limitBytes;
    private long receivedBytes;

    public FileStore(long limitBytes) {
        this.defaultLimitBytes = requireLimit(limitBytes);
        this.limitBytes = limitBytes;
    }

    public synchronized long limitBytes() {
        return limitBytes;
    }

    public long defaultLimitBytes() {
        return defaultLimitBytes;
    }

    /** Changes how many bytes the store holds in all; files already stored stay even when they take more. */
    public synchronized void limitTo(long bytes) {
        limitBytes = requireLimit(bytes);
    }

    public synchronized void restoreDefaultLimit() {
        limitBytes = defaultLimitBytes;
    }

    /** What is left under the limit; 0 (never negative) when stored files take more than a lowered limit. */
    public synchronized long freeBytes() {
        return Math.max(0, limitBytes - usedBytes());
    }

    /**
     * How much of an upload's body is worth keeping in memory: a file as large as the whole store plus its multipart
     * framing. Anything over it could not be stored anyway, so it is only counted.
     */
    public synchronized long uploadKeepBytes() {
        return limitBytes > Long.MAX_VALUE - MULTIPART_SLACK_BYTES
                ? Long.MAX_VALUE
                : limitBytes + MULTIPART_SLACK_BYTES;
    }

    /** Stores (or replaces) a file; false when the printer's storage limit would be exceeded. */
    public synchronized boolean store(StoredFile file) {
        long others = files.entrySet().stream()
                .filter(entry -> !entry.getKey().equals(key(file.location(), file.path())))
                .mapToLong(entry -> entry.getValue().size())
                .sum();
        if (others + file.size() > limitBytes) {
            return false;
        }
        files.put(key(file.location(), file.path()), file);
        return true;
    }

    public synchronized void countReceived(long bytes) {
        receivedBytes += bytes;
    }

    public synchronized long receivedBytes() {
        return receivedBytes;
    }

    public synchronized Optional<StoredFile> find(String location, String path) {
        return Optional.ofNullable(files.get(key(location, path)));
    }

    public synchronized boolean delete(String location, String path) {
        return files.remove(key(location, path)) != null;
    }

    public synchronized List<StoredFile> all() {
        List<StoredFile> copy = new ArrayList<>(files.values());
        copy.sort(Comparator.comparing(StoredFile::location).thenComparing(StoredFile::path));
        return copy;
    }

    public synchronized List<StoredFile> in(String location) {
        return all().stream().filter(file -> file.location().equals(location)).toList();
    }

    public synchronized long usedBytes() {
        return files.values().stream().mapToLong(StoredFile::size).sum();
    }

    /**
     * Back to one small G-code file on local storage, so that a print can be started without uploading, and to the
     * default limit.
     */
    public synchronized void reset(Instant now) {
        files.clear();
        receivedBytes = 0;
        limitBytes = defaultLimitBytes;
        byte[] cube = "; sandbox calibration cube\nG28\nG1 Z0.2 F3000\nG1 X20 Y20 E1 F1500\nM104 S0\nM140 S0\n"
                .getBytes(StandardCharsets.US_ASCII);
        files.put(key("local", SEED_PATH), new StoredFile("local", SEED_PATH, cube, now));
    }

    private static long requireLimit(long bytes) {
        if (bytes < 0) {
            throw new IllegalArgumentException("the storage limit cannot be negative, got " + bytes);
        }
        return bytes;
    }

    private static String key(String location, String path) {
        return location + "/" + path;
    }
}
