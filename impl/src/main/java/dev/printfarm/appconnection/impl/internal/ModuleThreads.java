package dev.printfarm.appconnection.impl.internal;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The module's own few threads: small, bounded pools whose threads come from the server's managed thread factory (so
 * they carry the application's context), apart from the pool that serves HTTP requests. Work that blocks on a printer
 * (a push socket's reconnect, a relayed call made in the background), the fleet refresh's answers and the JDK HTTP
 * client's own completions run here, never on the server's request threads; how many printers there are does not
 * change how many threads there are.
 */
@ApplicationScoped
public class ModuleThreads {

    /** The HTTP client's answers handed on, and request bodies read: short tasks. */
    static final int IO_THREADS = 4;
    /** Background work that may block on a printer for up to a read timeout. */
    static final int WORK_THREADS = 8;
    /** The fleet refresh's answers: reading them, and writing a changed connection state to the store. */
    static final int FLEET_THREADS = 8;
    /** Long reads that last as long as their viewers (webcam streams), at most this many at once. */
    static final int STREAM_THREADS = 64;

    @Resource(lookup = "java:comp/DefaultManagedThreadFactory")
    ManagedThreadFactory factory;

    private final Lazy io = new Lazy(() -> pool("appconnection-io", IO_THREADS));
    private final Lazy work = new Lazy(() -> pool("appconnection-work", WORK_THREADS));
    private final Lazy fleet = new Lazy(() -> pool("appconnection-fleet", FLEET_THREADS));
    private final Lazy streams = new Lazy(() -> new ThreadPoolExecutor(
            0,
            STREAM_THREADS,
            60,
            TimeUnit.SECONDS,
            new java.util.concurrent.SynchronousQueue<>(),
            named("appconnection-stream")));

    /** For the HTTP transport: answers handed on from its I/O threads, request bodies read, push sockets' events. */
    public ExecutorService io() {
        return io.get();
    }

    /** For background tasks that may block on a printer; they queue when every thread is busy. */
    public ExecutorService work() {
        return work.get();
    }

    /**
     * For the fleet refresh's answers: short tasks that may wait briefly on the store (a connection state that changed
     * is written at once), so they stay off the HTTP client's own threads; they queue when every thread is busy.
     */
    public ExecutorService fleet() {
        return fleet.get();
    }

    /**
     * For reads that last as long as what they serve: a thread each, made when needed and gone a minute after; at most
     * {@value #STREAM_THREADS}, beyond which {@code execute} refuses.
     */
    public ExecutorService streams() {
        return streams.get();
    }

    /** Threads from the server's managed thread factory, named {@code name-N}: for the HTTP client's I/O threads. */
    public ThreadFactory factory(String name) {
        return named(name);
    }

    private ExecutorService pool(String name, int threads) {
        ThreadPoolExecutor pool = new ThreadPoolExecutor(
                threads, threads, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), named(name));
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }

    private ThreadFactory named(String name) {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = factory.newThread(task);
            thread.setName(name + "-" + count.incrementAndGet());
            return thread;
        };
    }

    @PreDestroy
    void stop() {
        io.stop();
        work.stop();
        fleet.stop();
        streams.stop();
    }

    /** A pool made on first use and stopped with the application, if it was made. */
    private static final class Lazy {
        private final Supplier<ExecutorService> make;
        private volatile ExecutorService pool;

        Lazy(Supplier<ExecutorService> make) {
            this.make = make;
        }

        ExecutorService get() {
            ExecutorService current = pool;
            if (current == null) {
                synchronized (this) {
                    if (pool == null) {
                        pool = make.get();
                    }
                    current = pool;
                }
            }
            return current;
        }

        void stop() {
            ExecutorService current = pool;
            if (current != null) {
                current.shutdownNow();
            }
        }
    }
}
