package dev.printfarm.appconnection.impl.appapi;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * OctoEverywhere's App APIs for one App Connection, authenticated by its App API token. Answers are records read by the
 * module's JSON policy and mapped by {@link AppApiMapper}; the webhook calls' answers are not read.
 */
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
public interface AppApi {

    @GET
    @Path("/appconnection/info")
    AppApiAnswers.Info info(@HeaderParam("AppToken") String appToken);

    @POST
    @Path("/live/createfromappconnection")
    @Consumes(MediaType.APPLICATION_JSON)
    AppApiAnswers.LiveLink createLiveLink(@HeaderParam("AppToken") String appToken, AppApiRequests.LiveLink body);

    @POST
    @Path("/gadget/GetStatusFromAppConnection")
    @Consumes(MediaType.APPLICATION_JSON)
    AppApiAnswers.Gadget gadgetStatus(@HeaderParam("AppToken") String appToken, AppApiRequests.None body);

    @POST
    @Path("/appconnection/SetNotificationWebhook")
    @Consumes(MediaType.APPLICATION_JSON)
    void setNotificationWebhook(@HeaderParam("AppToken") String appToken, AppApiRequests.Webhook body);

    @POST
    @Path("/appconnection/DeleteNotificationWebhook")
    @Consumes(MediaType.APPLICATION_JSON)
    void deleteNotificationWebhook(@HeaderParam("AppToken") String appToken, AppApiRequests.None body);

    @GET
    @Path("/appconnection/TestWebhook")
    AppApiAnswers.WebhookTest testWebhook(@HeaderParam("AppToken") String appToken);
}
