package dev.printfarm.appconnection.impl.octoprint;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** OctoPrint's REST API as a MicroProfile Rest Client; the base URI is the relay URL (or the LAN address). */
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
public interface OctoPrintApi {

    @GET
    @Path("/version")
    OctoPrintDtos.Version version();

    @GET
    @Path("/printer")
    OctoPrintDtos.Printer printer();

    @GET
    @Path("/job")
    OctoPrintDtos.Job job();

    @POST
    @Path("/job")
    @Consumes(MediaType.APPLICATION_JSON)
    void jobCommand(OctoPrintDtos.JobCommand command);
}
