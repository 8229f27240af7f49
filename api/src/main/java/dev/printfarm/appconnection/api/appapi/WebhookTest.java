package dev.printfarm.appconnection.api.appapi;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What OctoEverywhere's {@code TestWebhook} reported: the HTTP status the webhook URL answered, or why it did not
 * answer.
 */
public record WebhookTest(OptionalInt statusCode, Optional<String> error) {
    public WebhookTest {
        Objects.requireNonNull(statusCode, "statusCode");
        Objects.requireNonNull(error, "error");
    }

    /** Whether the receiver answered with a 2xx status. */
    public boolean delivered() {
        return statusCode.isPresent() && statusCode.getAsInt() / 100 == 2;
    }
}
