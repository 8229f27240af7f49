package dev.printfarm.appconnection.impl.commandapi;

import jakarta.json.bind.annotation.JsonbProperty;

/**
 * The command API's envelope, {@code {"Status", "Error"?, "Result"?}}, always sent with HTTP 200: {@code Status} 200 is
 * success, 75x/78x are the command's refusals; an answer without a {@code Status} is no envelope.
 */
public record CommandAnswer<R>(
        @JsonbProperty("Status") Integer status,
        @JsonbProperty("Error") String error,
        @JsonbProperty("Result") R result) {

    /** A result that is not read (commands answer none worth reading). */
    public record Ignored() {}
}
