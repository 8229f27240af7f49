package dev.printfarm.appconnection.sandbox.live;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;

/** {@code GET /l/{liveId}}: a Live Link's {@code ShortUrl}, 302 to its {@code Url}; 404 when unknown. */
@Path("l")
@RequestScoped
public class ShortLinkResource {

    @Inject
    LiveLinks links;

    @GET
    @Path("{liveId}")
    public Response redirect(@PathParam("liveId") String liveId) {
        return links.find(liveId)
                .map(link -> Response.status(Response.Status.FOUND)
                        .header("Location", link.url())
                        .build())
                .orElseGet(() -> Response.status(Response.Status.NOT_FOUND)
                        .entity(LivePages.gone("There is no such Live Link.").getBytes(StandardCharsets.UTF_8))
                        .type(LivePageResource.HTML)
                        .build());
    }
}
