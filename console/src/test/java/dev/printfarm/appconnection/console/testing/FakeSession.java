package dev.printfarm.appconnection.console.testing;

import jakarta.servlet.http.HttpSession;
import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;

/** A hand-written session for unit tests: an id that can change, attributes, and whether it was invalidated. */
public final class FakeSession {

    private static int ids;
    public String id = "session-" + (++ids);
    public final Map<String, Object> attributes = new HashMap<>();
    public boolean invalidated;

    String changeId() {
        id = "session-" + (++ids);
        return id;
    }

    HttpSession proxy() {
        return (HttpSession) Proxy.newProxyInstance(
                FakeSession.class.getClassLoader(),
                new Class<?>[] {HttpSession.class},
                (proxy, m, args) -> switch (m.getName()) {
                    case "getId" -> id;
                    case "getAttribute" -> attributes.get((String) args[0]);
                    case "setAttribute" -> done(attributes.put((String) args[0], args[1]));
                    case "invalidate" -> {
                        invalidated = true;
                        yield null;
                    }
                    default -> throw new UnsupportedOperationException("HttpSession." + m.getName());
                });
    }

    private static Object done(Object ignored) {
        return null;
    }
}
