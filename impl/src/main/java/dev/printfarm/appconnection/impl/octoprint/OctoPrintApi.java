package dev.printfarm.appconnection.impl.octoprint;

import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/**
 * OctoPrint's REST API as a MicroProfile Rest Client; the base URI is the relay URL or the LAN address. Answers
 * are read as JSON objects and mapped by {@link OctoPrintJson}, because OctoPrint versions differ in shape.
 * Calls naming a file by its path go through the JDK client instead (see {@link RoutedOctoPrintClient}): a Rest
 * Client path parameter has its slashes encoded, which OctoPrint (and Liberty) refuse.
 */
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
public interface OctoPrintApi {

    @GET
    @Path("/version")
    JsonObject version();

    @GET
    @Path("/server")
    JsonObject server();

    @POST
    @Path("/login")
    @Consumes(MediaType.APPLICATION_JSON)
    JsonObject login(JsonObject body);

    @GET
    @Path("/connection")
    JsonObject connection();

    @POST
    @Path("/connection")
    @Consumes(MediaType.APPLICATION_JSON)
    void connectionCommand(JsonObject body);

    @GET
    @Path("/printer")
    JsonObject printer(@QueryParam("exclude") String exclude, @QueryParam("history") Boolean history,
                       @QueryParam("limit") Integer limit);

    @POST
    @Path("/printer/{part}")
    @Consumes(MediaType.APPLICATION_JSON)
    void printerCommand(@PathParam("part") String part, JsonObject body);

    @GET
    @Path("/job")
    JsonObject job();

    @POST
    @Path("/job")
    @Consumes(MediaType.APPLICATION_JSON)
    void jobCommand(JsonObject body);

    @GET
    @Path("/files")
    JsonObject files(@QueryParam("recursive") Boolean recursive);

    @GET
    @Path("/files/{location}")
    JsonObject files(@PathParam("location") String location, @QueryParam("recursive") Boolean recursive);

    @GET
    @Path("/settings")
    JsonObject settings();

    @GET
    @Path("/printerprofiles")
    JsonObject printerProfiles();

    @GET
    @Path("/system/commands")
    JsonObject systemCommands();

    @POST
    @Path("/system/commands/{source}/{action}")
    void systemCommand(@PathParam("source") String source, @PathParam("action") String action);

    @GET
    @Path("/plugin/octoeverywhere")
    JsonObject plugin();
}
