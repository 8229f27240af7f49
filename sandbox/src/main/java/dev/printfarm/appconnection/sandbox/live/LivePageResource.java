package dev.printfarm.appconnection.sandbox.live;

import dev.printfarm.appconnection.sandbox.printer.EmulatedPrinter;
import dev.printfarm.appconnection.sandbox.printer.OctoPrintState;
import dev.printfarm.appconnection.sandbox.printer.PrinterRegistry;
import dev.printfarm.appconnection.sandbox.webhook.PrintIds;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;

/**
 * {@code GET /live/{liveId}}: a page standing in for the Live view; 404 when unknown, 410 once expired or ended with
 * its print.
 */
@Path("live")
@RequestScoped
@Produces(LivePageResource.HTML)
public class LivePageResource {

    static final String HTML = "text/html;charset=UTF-8";

    @Inject
    LiveLinks links;

    @Inject
    PrinterRegistry printers;

    @GET
    @Path("{liveId}")
    public Response page(@PathParam("liveId") String liveId) {
        Optional<LiveLink> link = links.find(liveId);
        Optional<EmulatedPrinter> printer = link.flatMap(found -> printers.find(found.printerId()));
        if (printer.isEmpty()) {
            return page(Response.Status.NOT_FOUND, LivePages.gone("There is no such Live Link."));
        }
        Instant now = printers.now();
        OctoPrintState state = printer.get().octoPrintAt(now);
        Optional<String> printId =
                state.job().map(run -> PrintIds.of(printer.get().id(), run));
        if (!link.get().activeAt(now, printId)) {
            return page(Response.Status.GONE, LivePages.gone("This Live Link has ended."));
        }
        return page(Response.Status.OK, LivePages.live(link.get(), printer.get().name(), state));
    }

    /** Bytes, not a String: RESTEasy HTML-escapes a String {@code text/html} entity of an error status. */
    private static Response page(Response.Status status, String html) {
        return Response.status(status)
                .entity(html.getBytes(StandardCharsets.UTF_8))
                .type(HTML)
                .build();
    }
}
