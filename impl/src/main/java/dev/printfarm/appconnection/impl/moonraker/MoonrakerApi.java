package dev.printfarm.appconnection.impl.moonraker;

import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;

/**
 * Moonraker's HTTP API as a MicroProfile Rest Client; the base URI is the relay URL (or the LAN address). Answers are
 * read as JSON objects, {@code {"result": …}}, and mapped by {@link MoonrakerJson}. Moonraker's own error answers
 * (4xx/5xx) go through {@link MoonrakerErrorMapper}, which reads their message; OctoEverywhere's 6xx through the
 * route's mapper. Arguments of commands go in a JSON body, which Moonraker reads like the query string.
 */
@Produces(MediaType.APPLICATION_JSON)
@RegisterProvider(value = MoonrakerErrorMapper.class, priority = MoonrakerErrorMapper.PRIORITY)
public interface MoonrakerApi {

    @GET
    @Path("/server/info")
    JsonObject serverInfo();

    @GET
    @Path("/printer/info")
    JsonObject printerInfo();

    @POST
    @Path("/printer/objects/query")
    @Consumes(MediaType.APPLICATION_JSON)
    JsonObject query(JsonObject objects);

    @POST
    @Path("/printer/print/start")
    @Consumes(MediaType.APPLICATION_JSON)
    JsonObject startPrint(JsonObject filename);

    @POST
    @Path("/printer/print/pause")
    JsonObject pausePrint();

    @POST
    @Path("/printer/print/resume")
    JsonObject resumePrint();

    @POST
    @Path("/printer/print/cancel")
    JsonObject cancelPrint();

    @POST
    @Path("/printer/emergency_stop")
    JsonObject emergencyStop();

    @POST
    @Path("/printer/firmware_restart")
    JsonObject firmwareRestart();

    @GET
    @Path("/server/files/list")
    JsonObject files(@QueryParam("root") String root);

    @GET
    @Path("/server/files/metadata")
    JsonObject metadata(@QueryParam("filename") String filename);

    @GET
    @Path("/server/history/list")
    JsonObject history(@QueryParam("start") int start, @QueryParam("limit") int limit,
                       @QueryParam("order") String order);

    @GET
    @Path("/server/webcams/list")
    JsonObject webcams();

    @GET
    @Path("/server/database/item")
    JsonObject databaseItem(@QueryParam("namespace") String namespace, @QueryParam("key") String key);
}
