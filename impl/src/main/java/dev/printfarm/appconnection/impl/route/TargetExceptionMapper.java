package dev.printfarm.appconnection.impl.route;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.util.function.Supplier;
import org.eclipse.microprofile.rest.client.ext.ResponseExceptionMapper;

/**
 * Turns every error answer of a call into the module's exception family: on the relay a 6xx is OctoEverywhere's
 * (read as a number, never as a {@code Response.Status}: the codes are outside the IANA range); on the LAN every
 * status is the printer's own.
 */
@Priority(TargetExceptionMapper.PRIORITY)
public class TargetExceptionMapper implements ResponseExceptionMapper<RuntimeException> {

    static final int PRIORITY = 100;

    private final HttpTransport transport;
    private final Supplier<Target> target;

    /** @param target the target of the call being answered */
    public TargetExceptionMapper(HttpTransport transport, Supplier<Target> target) {
        this.transport = transport;
        this.target = target;
    }

    @Override
    public boolean handles(int status, MultivaluedMap<String, Object> headers) {
        return status >= 400;
    }

    @Override
    public RuntimeException toThrowable(Response response) {
        byte[] body;
        try {
            // Already read and capped by the transport (appconnection.limits.error-bytes).
            body = response.hasEntity() ? response.readEntity(byte[].class) : new byte[0];
        } catch (RuntimeException unreadable) {
            body = new byte[0];
        }
        return transport.error(
                target.get(),
                response.getStatus(),
                response.getStringHeaders(),
                body == null ? new byte[0] : body,
                false);
    }

    @Override
    public int getPriority() {
        return PRIORITY;
    }
}
