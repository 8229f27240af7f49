package dev.printfarm.appconnection.sandbox.webhook;

import java.io.IOException;
import java.net.URI;

/** POSTs one JSON body and tells the status the webhook answered. */
@FunctionalInterface
public interface WebhookSender {

    int post(URI url, String json) throws IOException, InterruptedException;
}
