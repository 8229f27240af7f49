package dev.printfarm.appconnection.impl.octoprint;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The OctoEverywhere plugin's own endpoint on a printer's OctoPrint. */
@Path("/api/plugin")
@Produces(MediaType.APPLICATION_JSON)
public interface OctoEverywherePluginApi {

    @GET
    @Path("/octoeverywhere")
    OctoEverywherePluginAnswer plugin(@HeaderParam("X-Api-Key") String apiKey);
}
