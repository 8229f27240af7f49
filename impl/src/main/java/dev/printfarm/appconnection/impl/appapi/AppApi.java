package dev.printfarm.appconnection.impl.appapi;

import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** OctoEverywhere's App APIs for one App Connection, authenticated by its App API token. */
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
public interface AppApi {

    @GET
    @Path("/appconnection/info")
    JsonObject info(@HeaderParam("AppToken") String appToken);

    @POST
    @Path("/live/createfromappconnection")
    @Consumes(MediaType.APPLICATION_JSON)
    JsonObject createLiveLink(@HeaderParam("AppToken") String appToken, JsonObject body);

    @POST
    @Path("/gadget/GetStatusFromAppConnection")
    @Consumes(MediaType.APPLICATION_JSON)
    JsonObject gadgetStatus(@HeaderParam("AppToken") String appToken, JsonObject body);

    @POST
    @Path("/appconnection/SetNotificationWebhook")
    @Consumes(MediaType.APPLICATION_JSON)
    JsonObject setNotificationWebhook(@HeaderParam("AppToken") String appToken, JsonObject body);

    @POST
    @Path("/appconnection/DeleteNotificationWebhook")
    @Consumes(MediaType.APPLICATION_JSON)
    JsonObject deleteNotificationWebhook(@HeaderParam("AppToken") String appToken, JsonObject body);

    @GET
    @Path("/appconnection/TestWebhook")
    JsonObject testWebhook(@HeaderParam("AppToken") String appToken);
}
