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
 */
public final class FileStore {

    public static final List<String> LOCATIONS = List.of("local", "sdcard");
    static final String SEED_PATH = "calibration-cube.gcode";

    private final long limitBytes;
    private final Map<String, StoredFile> files = new LinkedHashMap<>();
    private long receivedBytes;

    public FileStore(long limitBytes) {
        this.limitBytes = limitBytes;
    }

    public long limitBytes() {
        return limitBytes;
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

    /** Back to one small G-code file on local storage, so that a print can be started without uploading. */
    public synchronized void reset(Instant now) {
        files.clear();
        receivedBytes = 0;
        byte[] cube = "; sandbox calibration cube\nG28\nG1 Z0.2 F3000\nG1 X20 Y20 E1 F1500\nM104 S0\nM140 S0\n"
                .getBytes(StandardCharsets.US_ASCII);
        files.put(key("local", SEED_PATH), new StoredFile("local", SEED_PATH, cube, now));
    }

    private static String key(String location, String path) {
        return location + "/" + path;
    }
}
