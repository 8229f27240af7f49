package dev.printfarm.appconnection.console.testing;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** A hand-written response for unit tests: records status, headers and body; any other call fails the test. */
public final class FakeResponse {

    public int status = 200;
    public final Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    public String contentType;
    /** Set by {@code sendError}, which (as in a container) leaves the body to the error page. */
    public boolean errorSent;
    /** After {@code sendError} or {@code sendRedirect}, as in a container, status and headers no longer change. */
    public boolean committed;

    public final ByteArrayOutputStream body = new ByteArrayOutputStream();
    private final PrintWriter writer = new PrintWriter(new OutputStreamWriter(body, StandardCharsets.UTF_8));

    public String header(String name) {
        return headers.get(name);
    }

    /** The body as UTF-8 text. */
    public String text() {
        writer.flush();
        return body.toString(StandardCharsets.UTF_8);
    }

    public byte[] bytes() {
        writer.flush();
        return body.toByteArray();
    }

    private static final Set<String> IGNORED_ONCE_COMMITTED = Set.of(
            "setStatus",
            "setHeader",
            "addHeader",
            "setIntHeader",
            "setContentType",
            "setContentLength",
            "setCharacterEncoding");

    public HttpServletResponse proxy() {
        ServletOutputStream out = new ServletOutputStream() {
            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setWriteListener(WriteListener listener) {
                throw new UnsupportedOperationException();
            }

            @Override
            public void write(int b) {
                body.write(b);
            }
        };
        return (HttpServletResponse) Proxy.newProxyInstance(
                FakeResponse.class.getClassLoader(),
                new Class<?>[] {HttpServletResponse.class},
                (proxy, m, args) -> committed && IGNORED_ONCE_COMMITTED.contains(m.getName())
                        ? null
                        : answer(m.getName(), args, out));
    }

    private Object answer(String method, Object[] args, ServletOutputStream out) {
        return switch (method) {
            case "setStatus" -> {
                status = (int) args[0];
                yield null;
            }
            case "getStatus" -> status;
            case "setHeader", "addHeader" -> done(headers.put((String) args[0], (String) args[1]));
            case "setIntHeader" -> done(headers.put((String) args[0], String.valueOf(args[1])));
            case "getHeader" -> headers.get((String) args[0]);
            case "containsHeader" -> headers.containsKey((String) args[0]);
            case "setContentType" -> {
                contentType = (String) args[0];
                yield null;
            }
            case "getContentType" -> contentType;
            case "setContentLength" -> done(headers.put("Content-Length", String.valueOf(args[0])));
            case "setCharacterEncoding" -> null;
            case "getOutputStream" -> out;
            case "getWriter" -> writer;
            case "sendError" -> {
                status = (int) args[0];
                errorSent = true;
                committed = true;
                yield null;
            }
            case "sendRedirect" -> {
                status = 302;
                headers.put("Location", (String) args[0]);
                committed = true;
                yield null;
            }
            case "isCommitted" -> committed;
            case "flushBuffer" -> null;
            case "toString" -> "response " + status;
            default -> throw new UnsupportedOperationException("HttpServletResponse." + method);
        };
    }

    private static Object done(Object ignored) {
        return null;
    }
}
