package dev.printfarm.appconnection.impl.commandapi;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/**
 * OctoEverywhere's printer-agnostic command API on the relay, as a MicroProfile Rest Client: the commands whose answer
 * is the JSON envelope ({@link CommandAnswer}); uploads, downloads, snapshots and streams go through the JDK client,
 * which streams. Arguments travel in a JSON body (the query string is read only without one). Error answers go to the
 * route's one mapper; an HTTP error whose body is an envelope is then read as the command's refusal by the client.
 */
@Path("/octoeverywhere-command-api")
@Produces(MediaType.APPLICATION_JSON)
public interface CommandApi {

    @GET
    @Path("/status")
    CommandAnswer<CommandStatusAnswer> status(@QueryParam("IncludeMaterialSystem") Boolean includeMaterialSystem);

    @POST
    @Path("/pause")
    @Consumes(MediaType.APPLICATION_JSON)
    CommandAnswer<CommandAnswer.Ignored> pause(CommandRequests.Pause body);

    @POST
    @Path("/resume")
    @Consumes(MediaType.APPLICATION_JSON)
    CommandAnswer<CommandAnswer.Ignored> resume(CommandRequests.None body);

    @POST
    @Path("/cancel")
    @Consumes(MediaType.APPLICATION_JSON)
    CommandAnswer<CommandAnswer.Ignored> cancel(CommandRequests.None body);

    @POST
    @Path("/start")
    @Consumes(MediaType.APPLICATION_JSON)
    CommandAnswer<CommandAnswer.Ignored> start(CommandRequests.FilePath body);

    @POST
    @Path("/set-light")
    @Consumes(MediaType.APPLICATION_JSON)
    CommandAnswer<CommandAnswer.Ignored> setLight(CommandRequests.Light body);

    @POST
    @Path("/move-axis")
    @Consumes(MediaType.APPLICATION_JSON)
    CommandAnswer<CommandAnswer.Ignored> moveAxis(CommandRequests.Move body);

    @POST
    @Path("/home")
    @Consumes(MediaType.APPLICATION_JSON)
    CommandAnswer<CommandAnswer.Ignored> home(CommandRequests.None body);

    @POST
    @Path("/extrude")
    @Consumes(MediaType.APPLICATION_JSON)
    CommandAnswer<CommandAnswer.Ignored> extrude(CommandRequests.Extrude body);

    @POST
    @Path("/set-temp")
    @Consumes(MediaType.APPLICATION_JSON)
    CommandAnswer<CommandAnswer.Ignored> setTemperatures(CommandRequests.Temperatures body);

    @GET
    @Path("/webcam/list")
    CommandAnswer<CommandWebcamsAnswer> webcams();

    @GET
    @Path("/files/list")
    CommandAnswer<CommandFilesAnswer> files(@QueryParam("root") String root);

    @GET
    @Path("/files/details")
    CommandAnswer<CommandFileAnswer> details(@QueryParam("path") String path);

    @POST
    @Path("/files/delete")
    @Consumes(MediaType.APPLICATION_JSON)
    CommandAnswer<CommandAnswer.Ignored> delete(CommandRequests.FilePath body);
}
