package dev.printfarm.appconnection.impl.internal;

import jakarta.enterprise.concurrent.ManagedThreadFactory;
import java.lang.reflect.Proxy;
import java.util.concurrent.Executors;

/** {@link ModuleThreads} outside a server: its threads come from the JDK's default factory. */
public final class PlainModuleThreads {

    private PlainModuleThreads() {}

    public static ModuleThreads create() {
        ModuleThreads threads = new ModuleThreads();
        threads.factory = (ManagedThreadFactory) Proxy.newProxyInstance(
                PlainModuleThreads.class.getClassLoader(),
                new Class<?>[] {ManagedThreadFactory.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("newThread")) {
                        return Executors.defaultThreadFactory().newThread((Runnable) args[0]);
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
        return threads;
    }
}
