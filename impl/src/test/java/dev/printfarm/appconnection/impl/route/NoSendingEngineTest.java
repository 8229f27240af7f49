package dev.printfarm.appconnection.impl.route;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NoSendingEngineTest {

    @Test
    void anImplementationWithoutTheEngineContractGetsNothing() {
        assertTrue(
                NoSendingEngine.forLoader(new URLClassLoader(new URL[0], null)).isEmpty());
    }

    @Test
    void theStandInAnswersNothingOfItsOwnAndRefusesToSend(@TempDir Path dir) throws Exception {
        // A contract shaped like RESTEasy's, compiled here so that the test needs no RESTEasy.
        Path source = dir.resolve("org/jboss/resteasy/client/jaxrs/ClientHttpEngine.java");
        Files.createDirectories(source.getParent());
        Files.writeString(
                source,
                "package org.jboss.resteasy.client.jaxrs; public interface ClientHttpEngine {"
                        + " Object getSslContext(); Object invoke(Object invocation);"
                        + " default boolean isFollowRedirects() { throw new UnsupportedOperationException(); }"
                        + " default void setFollowRedirects(boolean follow) { throw new UnsupportedOperationException(); }"
                        + " default int generation() { return 7; } void close(); }");
        assertEquals(0, ToolProvider.getSystemJavaCompiler().run(null, null, null, source.toString()));
        try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()}, null)) {
            Object engine = NoSendingEngine.forLoader(loader).orElseThrow();
            Class<?> contract = loader.loadClass(NoSendingEngine.RESTEASY_ENGINE);
            assertTrue(contract.isInstance(engine));
            assertEquals(null, contract.getMethod("getSslContext").invoke(engine));
            assertFalse((Boolean) contract.getMethod("isFollowRedirects").invoke(engine));
            contract.getMethod("setFollowRedirects", boolean.class).invoke(engine, true);
            assertEquals(
                    7,
                    contract.getMethod("generation").invoke(engine),
                    "a default method it does not know keeps its own");
            contract.getMethod("close").invoke(engine);
            Throwable refused = assertThrows(
                            java.lang.reflect.InvocationTargetException.class,
                            () -> contract.getMethod("invoke", Object.class).invoke(engine, List.of()))
                    .getCause();
            assertInstanceOf(IllegalStateException.class, refused);
            assertTrue(refused.getMessage().contains("ThroughTransport"), refused.getMessage());
        }
    }
}
