package dev.printfarm.appconnection.impl.moonraker;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.ext.ResponseExceptionMapper;

/**
 * Reads Moonraker's error answers ({@code {"error": {"code", "message"}}} with an HTTP 4xx/5xx) into a
 * {@link MoonrakerRefusal}, which the client turns into the api's exception for its connection. Consulted before the
 * route's mapper; OctoEverywhere's 6xx are left to that one.
 */
@Priority(MoonrakerErrorMapper.PRIORITY)
public class MoonrakerErrorMapper implements ResponseExceptionMapper<MoonrakerRefusal> {

    static final int PRIORITY = 50;

    @Override
    public boolean handles(int status, MultivaluedMap<String, Object> headers) {
        return status >= 400 && status <= 599;
    }

    @Override
    public MoonrakerRefusal toThrowable(Response response) {
        String body;
        try {
            body = response.hasEntity() ? response.readEntity(String.class) : null;
        } catch (RuntimeException unreadable) {
            body = null;
        }
        return new MoonrakerRefusal(response.getStatus(), MoonrakerMapper.errorMessage(body));
    }

    @Override
    public int getPriority() {
        return PRIORITY;
    }
}
