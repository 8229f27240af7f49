package dev.printfarm.appconnection.sandbox.outage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class OutageFilterTest {

    @Test
    void coversTheRelayAndTheAppApisOnlyAndLetsTheRelayAnswerAsynchronously() {
        WebFilter mapping = OutageFilter.class.getAnnotation(WebFilter.class);

        assertEquals(List.of("/relay/*", "/api/*"), List.of(mapping.urlPatterns()));
        assertTrue(mapping.asyncSupported());
    }

    @Test
    void whereTheConnectionCannotBeDroppedTheRefusalIsAnEmpty502() {
        List<String> calls = new ArrayList<>();
        HttpServletRequest request = proxy(HttpServletRequest.class, new ArrayList<>());
        HttpServletResponse response = proxy(HttpServletResponse.class, calls);

        OutageFilter.refuse(request, response);

        assertEquals(List.of("setStatus 502", "setContentLength 0"), calls);
    }

    @Test
    void theRefusedPathIsTheOneBelowTheSandboxWithoutTheQuery() {
        HttpServletRequest request = (HttpServletRequest) Proxy.newProxyInstance(
                OutageFilterTest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class},
                (self, method, args) -> switch (method.getName()) {
                    case "getRequestURI" -> "/sandbox/relay/c1/api/job";
                    case "getContextPath" -> "/sandbox";
                    default -> null;
                });

        assertEquals("/relay/c1/api/job", OutageFilter.pathOf(request));
    }

    /** Records every call as "name arg"; answers nothing. */
    private static <T> T proxy(Class<T> type, List<String> calls) {
        return type.cast(Proxy.newProxyInstance(
                OutageFilterTest.class.getClassLoader(), new Class<?>[] {type}, (self, method, args) -> {
                    calls.add(method.getName() + (args == null ? "" : " " + args[0]));
                    return method.getReturnType() == boolean.class ? false : null;
                }));
    }
}
