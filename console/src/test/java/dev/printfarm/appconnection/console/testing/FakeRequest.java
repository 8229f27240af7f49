package dev.printfarm.appconnection.console.testing;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/** A hand-written request for unit tests: only what the console reads; any other call fails the test. */
public final class FakeRequest {

    public String method = "GET";
    public String contextPath = "/console";
    public String requestUri = "/console/";
    public String servletPath = "";
    public String pathInfo;
    public String query;
    public String remoteAddr = "192.0.2.10";
    public boolean secure;
    public final Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    public final Map<String, String> parameters = new HashMap<>();
    /** The request's session; {@code null} until one is made. */
    public FakeSession session;

    public boolean loggedOut;

    /** A request for {@code path} under the console's context path. */
    public static FakeRequest of(String method, String path) {
        FakeRequest request = new FakeRequest();
        request.method = method;
        request.requestUri = request.contextPath + path;
        return request;
    }

    public FakeRequest header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    public FakeRequest parameter(String name, String value) {
        parameters.put(name, value);
        return this;
    }

    public FakeRequest from(String address) {
        remoteAddr = address;
        return this;
    }

    public HttpServletRequest proxy() {
        return (HttpServletRequest) Proxy.newProxyInstance(
                FakeRequest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class},
                (proxy, m, args) -> switch (m.getName()) {
                    case "getMethod" -> method;
                    case "getContextPath" -> contextPath;
                    case "getRequestURI" -> requestUri;
                    case "getServletPath" -> servletPath;
                    case "getPathInfo" -> pathInfo;
                    case "getQueryString" -> query;
                    case "getRemoteAddr" -> remoteAddr;
                    case "isSecure" -> secure;
                    case "getHeader" -> headers.get((String) args[0]);
                    case "getParameter" -> parameters.get((String) args[0]);
                    case "getSession" -> session(args == null || (boolean) args[0]);
                    case "changeSessionId" -> {
                        if (session == null) {
                            throw new IllegalStateException("no session");
                        }
                        yield session.changeId();
                    }
                    case "logout" -> {
                        loggedOut = true;
                        yield null;
                    }
                    case "toString" -> method + " " + requestUri;
                    default -> throw new UnsupportedOperationException("HttpServletRequest." + m.getName());
                });
    }

    private HttpSession session(boolean create) {
        if (session == null && create) {
            session = new FakeSession();
        }
        return session == null ? null : session.proxy();
    }
}
