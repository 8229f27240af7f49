package dev.printfarm.appconnection.console.api;

import dev.printfarm.appconnection.api.error.AppConnectionException;
import dev.printfarm.appconnection.api.error.CommandRefusedException;
import dev.printfarm.appconnection.api.error.NoWebcamException;
import dev.printfarm.appconnection.api.error.PrinterResponseException;
import dev.printfarm.appconnection.api.error.TransferLimitException;
import dev.printfarm.appconnection.api.error.UnknownConnectionException;
import jakarta.json.Json;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every failure of the console's API as {@code {"error": {"type", "message", "code", "printerStatus", "temporary",
 * "retryAfterSeconds", "remedy"}}}: the module's errors with OctoEverywhere's 6xx code and the printer's status as
 * separate fields (502 for the HTTP answer, 409 when OctoPrint or the command API refused a command in the printer's
 * state, 413 over the upload limit, 404 unknown printer or no camera; a known wait also as {@code Retry-After}), bad
 * input 400, the API's own 4xx as they are.
 */
@Provider
public class ErrorResponses implements ExceptionMapper<Exception> {

    private static final Logger LOG = Logger.getLogger(ErrorResponses.class.getName());

    @Override
    public Response toResponse(Exception exception) {
        if (exception instanceof AppConnectionException e) {
            int status = e instanceof UnknownConnectionException || e instanceof NoWebcamException
                    ? 404
                    : e instanceof TransferLimitException
                            ? 413
                            : e instanceof PrinterResponseException
                                            && e.printerStatus().orElse(0) == 409
                                    ? 409
                                    // The printer's command API answered, and refused (788: the printer cannot do
                                    // that).
                                    : e instanceof CommandRefusedException ? 409 : 502;
            Response.ResponseBuilder answer = Response.status(status)
                    .type(MediaType.APPLICATION_JSON)
                    .entity(Json.createObjectBuilder()
                            .add("error", PrinterViews.failure(e))
                            .build()
                            .toString());
            // The module's wait, passed on so that a browser or script backs off as long.
            e.retryAfter().ifPresent(wait -> answer.header("Retry-After", Math.max(1, wait.toSeconds())));
            return answer.build();
        }
        if (exception instanceof IllegalArgumentException) {
            return json(400, error("BadRequest", exception.getMessage()));
        }
        if (exception instanceof WebApplicationException web) {
            int status = web.getResponse().getStatus();
            return json(
                    status,
                    error(status == 404 ? "NotFound" : status == 400 ? "BadRequest" : "Refused", web.getMessage()));
        }
        LOG.log(Level.WARNING, "Console API failure", exception);
        return json(500, error("InternalError", "The console failed; the server log has the details"));
    }

    private static String error(String type, String message) {
        return Json.createObjectBuilder()
                .add("error", Json.createObjectBuilder().add("type", type).add("message", String.valueOf(message)))
                .build()
                .toString();
    }

    private static Response json(int status, String body) {
        return Response.status(status)
                .type(MediaType.APPLICATION_JSON)
                .entity(body)
                .build();
    }
}
