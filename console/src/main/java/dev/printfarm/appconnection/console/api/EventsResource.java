package dev.printfarm.appconnection.console.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;

/**
 * {@code GET /console/api/events}: server-sent events for the page. {@code hello} on connect; {@code printer} with a
 * printer's JSON (as in the list) whenever the fleet monitor or Gadget has news; {@code printers} when printers were
 * added or removed (read the lists again); {@code ping} every 15 s.
 */
@Path("/events")
@RequestScoped
public class EventsResource {

    @Inject
    ConsoleLive live;

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public void listen(@Context SseEventSink sink, @Context Sse sse) {
        live.join(sink, sse);
    }
}
