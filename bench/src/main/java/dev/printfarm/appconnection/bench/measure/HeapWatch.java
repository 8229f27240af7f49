package dev.printfarm.appconnection.bench.measure;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.List;

/**
 * The heap of this JVM as fleet-10k reports it: the most ever seen in use by {@link #sample()} (sampled, so a peak
 * between two samples is missed), the most in use right after a collection (the sum over the heap pools of their
 * usage after their last collection: close to what is really live), and the cap ({@code -Xmx}).
 */
public final class HeapWatch {

    private final List<MemoryPoolMXBean> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(p -> p.getType() == MemoryType.HEAP && p.isValid())
            .toList();
    private long peakUsed;
    private long peakAfterCollection;

    public synchronized void sample() {
        peakUsed = Math.max(
                peakUsed,
                ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        long afterCollection = 0;
        for (MemoryPoolMXBean pool : heapPools) {
            MemoryUsage usage = pool.getCollectionUsage();
            afterCollection += usage == null ? 0 : usage.getUsed();
        }
        peakAfterCollection = Math.max(peakAfterCollection, afterCollection);
    }

    public synchronized long peakUsedBytes() {
        return peakUsed;
    }

    public synchronized long peakAfterCollectionBytes() {
        return peakAfterCollection;
    }

    public static long maxBytes() {
        return Runtime.getRuntime().maxMemory();
    }

    public static long mib(long bytes) {
        return Math.round(bytes / (1024.0 * 1024.0));
    }
}
