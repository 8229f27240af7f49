package dev.printfarm.appconnection.impl.webhook;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The webhook receiver: {@code POST <path>?token=<token>}. An unknown or malformed token is answered 404 with an empty
 * body before anything else is looked at, so the endpoint tells a prober nothing.
 */
public class WebhookServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    transient WebhookReceiver receiver;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<WebhookReceiver.Sender> sender =
                token(request.getQueryString()).flatMap(receiver::authenticate);
        if (sender.isEmpty()) {
            receiver.counted(404);
            response.setStatus(404);
            response.setContentLength(0);
            return;
        }
        if (request.getContentLengthLong() > WebhookReceiver.MAX_BODY_BYTES) {
            answer(
                    response,
                    new WebhookReceiver.Outcome(
                            413,
                            Optional.of("The notification body is over " + WebhookReceiver.MAX_BODY_BYTES + " bytes")));
            return;
        }
        byte[] body;
        try (InputStream in = request.getInputStream()) {
            body = in.readNBytes(WebhookReceiver.MAX_BODY_BYTES + 1);
        }
        if (body.length > WebhookReceiver.MAX_BODY_BYTES) {
            answer(
                    response,
                    new WebhookReceiver.Outcome(
                            413,
                            Optional.of("The notification body is over " + WebhookReceiver.MAX_BODY_BYTES + " bytes")));
            return;
        }
        answer(response, receiver.deliver(sender.get(), body));
    }

    private void answer(HttpServletResponse response, WebhookReceiver.Outcome outcome) throws IOException {
        receiver.counted(outcome.status());
        response.setStatus(outcome.status());
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        var json = Json.createObjectBuilder();
        outcome.error().ifPresent(e -> json.add("error", e));
        response.getWriter().write(json.build().toString());
    }

    /** The single {@code token} parameter of the raw query; empty when absent, repeated or badly encoded. */
    static Optional<String> token(String rawQuery) {
        if (rawQuery == null) {
            return Optional.empty();
        }
        String found = null;
        for (String pair : rawQuery.split("&", -1)) {
            if (pair.startsWith("token=")) {
                if (found != null) {
                    return Optional.empty();
                }
                try {
                    found = URLDecoder.decode(pair.substring("token=".length()), StandardCharsets.UTF_8);
                } catch (IllegalArgumentException e) {
                    return Optional.empty();
                }
            }
        }
        return Optional.ofNullable(found);
    }
}
