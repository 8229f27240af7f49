package dev.printfarm.appconnection.impl.moonraker;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/**
 * Moonraker's HTTP API as a MicroProfile Rest Client; the base URI is the relay URL (or the LAN address). Answers are
 * records in Moonraker's {@code {"result": …}}, read by the module's JSON policy and mapped by {@link MoonrakerMapper};
 * commands answer {@code "ok"}, which is not read. Error answers, Moonraker's own and OctoEverywhere's 6xx, go through
 * the route's one mapper, which keeps Moonraker's body and names its {@code error.message}. Arguments
 * of commands go in a JSON body, which Moonraker reads like the query string.
 */
@Produces(MediaType.APPLICATION_JSON)
public interface MoonrakerApi {

    @GET
    @Path("/server/info")
    MoonrakerResult<MoonrakerServerInfoAnswer> serverInfo();

    @GET
    @Path("/printer/info")
    MoonrakerResult<MoonrakerPrinterInfoAnswer> printerInfo();

    @POST
    @Path("/printer/objects/query")
    @Consumes(MediaType.APPLICATION_JSON)
    MoonrakerResult<MoonrakerQueryAnswer> query(MoonrakerRequests.Objects objects);

    @POST
    @Path("/printer/print/start")
    @Consumes(MediaType.APPLICATION_JSON)
    void startPrint(MoonrakerRequests.Start filename);

    @POST
    @Path("/printer/print/pause")
    void pausePrint();

    @POST
    @Path("/printer/print/resume")
    void resumePrint();

    @POST
    @Path("/printer/print/cancel")
    void cancelPrint();

    @POST
    @Path("/printer/emergency_stop")
    void emergencyStop();

    @POST
    @Path("/printer/firmware_restart")
    void firmwareRestart();

    @GET
    @Path("/server/files/list")
    MoonrakerResult<List<MoonrakerFileAnswer>> files(@QueryParam("root") String root);

    @GET
    @Path("/server/files/metadata")
    MoonrakerResult<MoonrakerMetadataAnswer> metadata(@QueryParam("filename") String filename);

    @GET
    @Path("/server/history/list")
    MoonrakerResult<MoonrakerHistoryAnswer> history(
            @QueryParam("start") int start, @QueryParam("limit") int limit, @QueryParam("order") String order);

    @GET
    @Path("/server/webcams/list")
    MoonrakerResult<MoonrakerWebcamsAnswer> webcams();

    @GET
    @Path("/server/database/item")
    MoonrakerResult<MoonrakerDatabaseItem> databaseItem(
            @QueryParam("namespace") String namespace, @QueryParam("key") String key);
}
