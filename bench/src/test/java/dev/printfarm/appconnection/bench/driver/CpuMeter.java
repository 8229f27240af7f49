package dev.printfarm.appconnection.bench.driver;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;

/**
 * Where the machine's CPU went during a step, from Linux's {@code /proc}: how busy all cores were, how much of that
 * each bench server used, and how much everything else (this driver, other builds and servers on the machine). The
 * benchmark runs on a shared 2-core machine, so this is printed next to every result. Empty where there is no
 * {@code /proc}.
 */
final class CpuMeter {

    /** Jiffies of the whole machine (all cores) and of each named process at one moment. */
    record Reading(long busy, long total, Map<String, Long> processes) {}

    /** Shares of all cores' time, in percent: busy, used by each named process, used by anything else. */
    record Share(double busyPercent, Map<String, Double> processPercent, double othersPercent) {

        @Override
        public String toString() {
            StringJoiner text = new StringJoiner(", ", String.format(Locale.ROOT, "%.0f %% busy: ", busyPercent), "");
            processPercent.forEach((name, pct) -> text.add(String.format(Locale.ROOT, "%s %.0f %%", name, pct)));
            return text.add(String.format(Locale.ROOT, "other processes %.0f %%", othersPercent))
                    .toString();
        }
    }

    private final Path proc;

    CpuMeter(Path proc) {
        this.proc = proc;
    }

    /** Machine and process jiffies now; a process that is gone counts 0. */
    Optional<Reading> read(Map<String, Long> pids) {
        try {
            long[] machine = machine(Files.readAllLines(proc.resolve("stat"), StandardCharsets.US_ASCII)
                    .get(0));
            Map<String, Long> processes = new LinkedHashMap<>();
            for (Map.Entry<String, Long> pid : pids.entrySet()) {
                Path stat = proc.resolve(Long.toString(pid.getValue())).resolve("stat");
                processes.put(
                        pid.getKey(),
                        Files.exists(stat) ? process(Files.readString(stat, StandardCharsets.US_ASCII)) : 0);
            }
            return Optional.of(new Reading(machine[0], machine[1], processes));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    static Share between(Reading before, Reading after) {
        double total = after.total() - before.total();
        Map<String, Double> shares = new LinkedHashMap<>();
        if (total <= 0) {
            return new Share(0, shares, 0);
        }
        double busy = (after.busy() - before.busy()) * 100 / total;
        double used = 0;
        for (Map.Entry<String, Long> p : after.processes().entrySet()) {
            double pct = (p.getValue() - before.processes().getOrDefault(p.getKey(), p.getValue())) * 100 / total;
            shares.put(p.getKey(), pct);
            used += pct;
        }
        return new Share(busy, shares, Math.max(0, busy - used));
    }

    /**
     * The first line of {@code /proc/stat}: busy and total jiffies of all cores together (idle and iowait are not
     * busy; guest time is already inside user time).
     */
    static long[] machine(String cpuLine) {
        String[] f = cpuLine.trim().split("\\s+");
        if (!f[0].equals("cpu")) {
            throw new IllegalArgumentException("not the cpu line of /proc/stat: " + cpuLine);
        }
        long total = 0;
        long idle = 0;
        for (int i = 1; i < f.length && i <= 8; i++) {
            long v = Long.parseLong(f[i]);
            total += v;
            if (i == 4 || i == 5) {
                idle += v;
            }
        }
        return new long[] {total - idle, total};
    }

    /** User plus system jiffies of one process from its {@code /proc/<pid>/stat} (the name may hold blanks). */
    static long process(String stat) {
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).trim().split("\\s+");
        // After the name: state is field 3 of the file, utime 14 and stime 15.
        return Long.parseLong(f[11]) + Long.parseLong(f[12]);
    }
}
