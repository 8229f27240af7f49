package dev.printfarm.appconnection.impl.commandapi;

import dev.printfarm.appconnection.impl.json.WireJson;
import jakarta.annotation.Priority;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import org.eclipse.microprofile.rest.client.ext.ResponseExceptionMapper;

/**
 * Reads the command API's error answers (4xx/5xx): an envelope in the body is the command's refusal, anything else the
 * printer's HTTP error; both as a {@link CommandApiRefusal}, which the client turns into the api's exception for its
 * connection. Consulted before the route's mapper; OctoEverywhere's 6xx are left to that one.
 */
@Priority(CommandApiErrorMapper.PRIORITY)
public class CommandApiErrorMapper implements ResponseExceptionMapper<CommandApiRefusal> {

    static final int PRIORITY = 50;

    @Override
    public boolean handles(int status, MultivaluedMap<String, Object> headers) {
        return status >= 400 && status <= 599;
    }

    @Override
    public CommandApiRefusal toThrowable(Response response) {
        Optional<CommandAnswer<CommandAnswer.Ignored>> envelope;
        try {
            String body = response.hasEntity() ? response.readEntity(String.class) : "";
            envelope = Optional.of(WireJson.<CommandAnswer<CommandAnswer.Ignored>>read(body, CommandApiMapper.IGNORED))
                    .filter(e -> e.status() != null);
        } catch (RuntimeException unreadable) {
            envelope = Optional.empty();
        }
        return new CommandApiRefusal(response.getStatus(), envelope);
    }

    @Override
    public int getPriority() {
        return PRIORITY;
    }
}
