package dev.printfarm.appconnection.impl.webhook;

import dev.printfarm.appconnection.impl.config.ConfigReader;
import dev.printfarm.appconnection.impl.store.StoredWebhook;
import java.time.Duration;

/**
 * The webhook receiver and the renewal of registrations, which OctoEverywhere keeps for
 * {@link StoredWebhook#LIFETIME}.
 *
 * @param path                 where the receiver is mounted in the web application
 * @param renewAfter           after how long a registration is renewed; leaves at least a day of its lifetime
 * @param renewalCheckInterval how often this server looks for registrations due for renewal
 * @param previousTokenGrace   how long the token of the previous registration is still accepted after a renewal
 */
public record WebhookSettings(
        String path, Duration renewAfter, Duration renewalCheckInterval, Duration previousTokenGrace) {

    public static final String PATH = "appconnection.webhooks.path";
    public static final String RENEW_AFTER = "appconnection.webhooks.renew-after";
    public static final String RENEWAL_CHECK_INTERVAL = "appconnection.webhooks.renewal-check-interval";
    public static final String PREVIOUS_TOKEN_GRACE = "appconnection.webhooks.previous-token-grace";

    public static final String DEFAULT_PATH = "/appconnection/webhook";

    public static WebhookSettings read(ConfigReader in) {
        return new WebhookSettings(
                in.path(PATH, DEFAULT_PATH),
                in.duration(RENEW_AFTER, "P150D", Duration.ofNanos(1), StoredWebhook.LIFETIME.minusDays(1)),
                in.duration(RENEWAL_CHECK_INTERVAL, "PT1H"),
                in.duration(PREVIOUS_TOKEN_GRACE, "PT1H"));
    }
}
