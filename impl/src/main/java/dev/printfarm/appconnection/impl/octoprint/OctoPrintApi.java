package dev.printfarm.appconnection.impl.octoprint;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/**
 * OctoPrint's REST API as a MicroProfile Rest Client; the base URI is the relay URL or the LAN address. Answers are
 * records read by the module's JSON policy and mapped by {@link OctoPrintMapper}, because OctoPrint versions differ in
 * shape. Calls naming a file by its path go through the JDK client instead (see {@link RoutedOctoPrintClient}): a Rest
 * Client path parameter has its slashes encoded, which OctoPrint (and Liberty) refuse.
 */
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
public interface OctoPrintApi {

    @GET
    @Path("/version")
    OctoPrintVersionAnswer version();

    @GET
    @Path("/server")
    OctoPrintServerAnswer server();

    @POST
    @Path("/login")
    @Consumes(MediaType.APPLICATION_JSON)
    OctoPrintLoginAnswer login(OctoPrintCommands.Login body);

    @GET
    @Path("/connection")
    OctoPrintConnectionAnswer connection();

    @POST
    @Path("/connection")
    @Consumes(MediaType.APPLICATION_JSON)
    void connectionCommand(OctoPrintCommands.Connection body);

    @GET
    @Path("/printer")
    OctoPrintPrinterAnswer printer(
            @QueryParam("exclude") String exclude,
            @QueryParam("history") Boolean history,
            @QueryParam("limit") Integer limit);

    @POST
    @Path("/printer/tool")
    @Consumes(MediaType.APPLICATION_JSON)
    void toolCommand(OctoPrintCommands.Tools body);

    @POST
    @Path("/printer/{part}")
    @Consumes(MediaType.APPLICATION_JSON)
    void heaterCommand(@PathParam("part") String part, OctoPrintCommands.Heater body);

    @POST
    @Path("/printer/printhead")
    @Consumes(MediaType.APPLICATION_JSON)
    void jogCommand(OctoPrintCommands.Jog body);

    @POST
    @Path("/printer/printhead")
    @Consumes(MediaType.APPLICATION_JSON)
    void homeCommand(OctoPrintCommands.Home body);

    @POST
    @Path("/printer/command")
    @Consumes(MediaType.APPLICATION_JSON)
    void gcodeCommand(OctoPrintCommands.Gcode body);

    @GET
    @Path("/job")
    OctoPrintJobAnswer job();

    @POST
    @Path("/job")
    @Consumes(MediaType.APPLICATION_JSON)
    void jobCommand(OctoPrintCommands.Job body);

    @GET
    @Path("/files")
    OctoPrintFilesAnswer files(@QueryParam("recursive") Boolean recursive);

    @GET
    @Path("/files/{location}")
    OctoPrintFilesAnswer files(@PathParam("location") String location, @QueryParam("recursive") Boolean recursive);

    @GET
    @Path("/settings")
    OctoPrintSettingsAnswer settings();

    @GET
    @Path("/printerprofiles")
    OctoPrintProfilesAnswer printerProfiles();

    @GET
    @Path("/system/commands")
    OctoPrintSystemCommandsAnswer systemCommands();

    @POST
    @Path("/system/commands/{source}/{action}")
    void systemCommand(@PathParam("source") String source, @PathParam("action") String action);

    @GET
    @Path("/plugin/octoeverywhere")
    OctoEverywherePluginAnswer plugin();
}
