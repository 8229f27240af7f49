package dev.printfarm.appconnection.impl.startup;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** A refused start must change no stored row: the guard observes the start before anything that opens the store. */
class DeploymentGuardOrderTest {

    private static final int DEFAULT_OBSERVER_PRIORITY = Interceptor.Priority.APPLICATION + 500;

    @Test
    void theGuardIsTheModulesFirstStartObserver() throws Exception {
        List<String> startObservers = new ArrayList<>();
        for (Class<?> type : moduleClasses()) {
            for (Method method : type.getDeclaredMethods()) {
                for (Parameter parameter : method.getParameters()) {
                    if (parameter.isAnnotationPresent(Observes.class) && parameter.getType() == ModuleStarting.class) {
                        Priority priority = parameter.getAnnotation(Priority.class);
                        int value = priority == null ? DEFAULT_OBSERVER_PRIORITY : priority.value();
                        startObservers.add(type.getSimpleName() + "." + method.getName());
                        if (type != DeploymentGuard.class) {
                            assertTrue(
                                    value > DeploymentGuard.PRIORITY,
                                    type.getName() + "." + method.getName() + " observes the start at priority " + value
                                            + ", not after the guard");
                        } else {
                            assertTrue(value == DeploymentGuard.PRIORITY, "the guard's own observer");
                        }
                    }
                }
            }
        }
        assertTrue(startObservers.contains("DeploymentGuard.check"), startObservers.toString());
        assertTrue(startObservers.contains("StoreStartup.onStart"), startObservers.toString());
        assertFalse(startObservers.size() < 5, "found too few observers to trust the scan: " + startObservers);
    }

    private static List<Class<?>> moduleClasses() throws IOException, URISyntaxException, ClassNotFoundException {
        Path root = Path.of(DeploymentGuard.class
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .toURI());
        List<Class<?>> classes = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = root.relativize(file)
                        .toString()
                        .replace(file.getFileSystem().getSeparator(), ".");
                classes.add(Class.forName(
                        name.substring(0, name.length() - ".class".length()),
                        false,
                        DeploymentGuard.class.getClassLoader()));
            }
        }
        return classes;
    }
}
