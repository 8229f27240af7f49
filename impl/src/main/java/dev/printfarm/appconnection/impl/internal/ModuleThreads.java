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

/**
 * The module's own few threads: small, bounded pools whose threads come from the server's managed thread factory (so
 * they carry the application's context), apart from the pool that serves HTTP requests. Work that blocks on a printer
 * (a push socket's reconnect, a relayed call made in the background), the fleet refresh's answers and the JDK HTTP
 * client's own completions run here, never on the server's request threads; how many printers there are does not
 * change how many threads there are.
 */
@ApplicationScoped
public class ModuleThreads {

    /** The HTTP client's completions: short, non-blocking tasks. */
    static final int IO_THREADS = 4;
    /** Background work that may block on a printer for up to a read timeout. */
    static final int WORK_THREADS = 8;
    /** The fleet refresh's answers: reading them, and writing a changed connection state to the store. */
    static final int FLEET_THREADS = 8;
    /** Long reads that last as long as their viewers (webcam streams), at most this many at once. */
    static final int STREAM_THREADS = 64;

    @Resource(lookup = "java:comp/DefaultManagedThreadFactory")
    ManagedThreadFactory factory;

    private volatile ExecutorService io;
    private volatile ExecutorService work;
    private volatile ExecutorService fleet;
    private volatile ExecutorService streams;

    /** For the JDK HTTP client: its completions and body handling. */
    public ExecutorService io() {
        ExecutorService current = io;
        if (current == null) {
            synchronized (this) {
                if (io == null) {
                    io = pool("appconnection-io", IO_THREADS);
                }
                current = io;
            }
        }
        return current;
    }

    /** For background tasks that may block on a printer; they queue when every thread is busy. */
    public ExecutorService work() {
        ExecutorService current = work;
        if (current == null) {
            synchronized (this) {
                if (work == null) {
                    work = pool("appconnection-work", WORK_THREADS);
                }
                current = work;
            }
        }
        return current;
    }

    /**
     * For the fleet refresh's answers: short tasks that may wait briefly on the store (a connection state that changed
     * is written at once), so they stay off the HTTP client's own threads; they queue when every thread is busy.
     */
    public ExecutorService fleet() {
        ExecutorService current = fleet;
        if (current == null) {
            synchronized (this) {
                if (fleet == null) {
                    fleet = pool("appconnection-fleet", FLEET_THREADS);
                }
                current = fleet;
            }
        }
        return current;
    }

    /**
     * For reads that last as long as what they serve: a thread each, made when needed and gone a minute after; at most
     * {@value #STREAM_THREADS}, beyond which {@code execute} refuses.
     */
    public ExecutorService streams() {
        ExecutorService current = streams;
        if (current == null) {
            synchronized (this) {
                if (streams == null) {
                    streams = new ThreadPoolExecutor(
                            0,
                            STREAM_THREADS,
                            60,
                            TimeUnit.SECONDS,
                            new java.util.concurrent.SynchronousQueue<>(),
                            named("appconnection-stream"));
                }
                current = streams;
            }
        }
        return current;
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
        if (io != null) {
            io.shutdownNow();
        }
        if (work != null) {
            work.shutdownNow();
        }
        if (fleet != null) {
            fleet.shutdownNow();
        }
        if (streams != null) {
            streams.shutdownNow();
        }
    }
}
