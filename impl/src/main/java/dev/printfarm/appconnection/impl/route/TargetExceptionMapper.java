package dev.printfarm.appconnection.impl.relay;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.eclipse.microprofile.rest.client.ext.ResponseExceptionMapper;

/**
 * Turns every error answer of a relayed call into the module's exception family. OctoEverywhere's 6xx
 * codes are outside the IANA range, so the status is read as a number, never as a {@code Response.Status}.
 */
@Priority(RelayExceptionMapper.PRIORITY)
public class RelayExceptionMapper implements ResponseExceptionMapper<RuntimeException> {

    static final int PRIORITY = 100;

    private final String connectionId;
    private final URI serviceUrl;
    private final String appId;

    public RelayExceptionMapper(String connectionId, URI serviceUrl, String appId) {
        this.connectionId = connectionId;
        this.serviceUrl = serviceUrl;
        this.appId = appId;
    }

    @Override
    public boolean handles(int status, MultivaluedMap<String, Object> headers) {
        return status >= 400;
    }

    @Override
    public RuntimeException toThrowable(Response response) {
        return OctoEverywhereStatus.exceptionFor(response.getStatus(), connectionId, serviceUrl, appId);
    }

    @Override
    public int getPriority() {
        return PRIORITY;
    }
}
