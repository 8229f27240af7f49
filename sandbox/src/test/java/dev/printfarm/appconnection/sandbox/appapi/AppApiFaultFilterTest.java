package dev.printfarm.appconnection.sandbox.appapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import jakarta.json.Json;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class AppApiFaultFilterTest {

    private final AppApiFault fault = new AppApiFault();
    private final AppApiFaultFilter filter = new AppApiFaultFilter();
    private final List<String> calls = new ArrayList<>();
    private final ByteArrayOutputStream body = new ByteArrayOutputStream();

    AppApiFaultFilterTest() {
        filter.fault = fault;
    }

    @Test
    void coversTheAppApisOnly() {
        assertEquals(
                List.of("/api/*"),
                List.of(AppApiFaultFilter.class.getAnnotation(WebFilter.class).urlPatterns()));
    }

    @Test
    void withoutAPlanTheAppApiAnswers() throws Exception {
        filter.doFilter(request("GET"), response(), chain());

        assertEquals(List.of("chain"), calls);
        assertEquals(0, fault.failed());
    }

    @Test
    void duringAPlanTheStatusAndOctoEverywhereErrorBodyAnswerAndTheAppApiSeesNothing() throws Exception {
        fault.set(Optional.of(new AppApiFault.Plan(500, OptionalInt.empty())));

        filter.doFilter(request("POST"), response(), chain());

        assertFalse(calls.contains("chain"));
        assertEquals(
                List.of("setStatus 500", "setContentType application/json", "setContentLength " + body.size()), calls);
        assertEquals(
                Json.createObjectBuilder()
                        .add("Error", "Internal server error.")
                        .build(),
                Json.createReader(new StringReader(body.toString(StandardCharsets.UTF_8)))
                        .readObject());
        assertEquals(1, fault.failed());
    }

    @Test
    void anOctoEverywhereCodeIsAnsweredWithItsOwnMessage() throws Exception {
        fault.set(Optional.of(new AppApiFault.Plan(600, OptionalInt.of(1))));

        filter.doFilter(request("GET"), response(), chain());
        filter.doFilter(request("GET"), response(), chain());

        assertEquals("setStatus 600", calls.get(0));
        assertEquals("chain", calls.get(calls.size() - 1));
        assertEquals("{\"Error\":\"Unknown OctoEverywhere server error.\"}", body.toString(StandardCharsets.UTF_8));
    }

    private static HttpServletRequest request(String method) {
        return (HttpServletRequest) Proxy.newProxyInstance(
                AppApiFaultFilterTest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class},
                (self, m, args) -> "getMethod".equals(m.getName()) ? method : null);
    }

    private FilterChain chain() {
        return (request, response) -> calls.add("chain");
    }

    private HttpServletResponse response() {
        ServletOutputStream out = new ServletOutputStream() {
            @Override
            public void write(int b) {
                body.write(b);
            }

            @Override
            public void write(byte[] bytes, int offset, int length) {
                body.write(bytes, offset, length);
            }

            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setWriteListener(WriteListener listener) {}
        };
        return (HttpServletResponse) Proxy.newProxyInstance(
                AppApiFaultFilterTest.class.getClassLoader(),
                new Class<?>[] {HttpServletResponse.class},
                (self, m, args) -> {
                    if ("getOutputStream".equals(m.getName())) {
                        return out;
                    }
                    calls.add(m.getName() + (args == null ? "" : " " + args[0]));
                    return null;
                });
    }
}
