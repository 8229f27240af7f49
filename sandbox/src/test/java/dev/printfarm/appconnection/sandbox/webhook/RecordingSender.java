package dev.printfarm.appconnection.sandbox.webhook;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/** Remembers every POST and answers {@link #status}, or refuses the connection when it is 0. */
final class RecordingSender implements WebhookSender {

    record Sent(URI url, String json) {}

    final List<Sent> sent = new ArrayList<>();
    int status = 200;

    @Override
    public synchronized int post(URI url, String json) throws IOException {
        sent.add(new Sent(url, json));
        if (status == 0) {
            throw new ConnectException("Connection refused");
        }
        return status;
    }
}
