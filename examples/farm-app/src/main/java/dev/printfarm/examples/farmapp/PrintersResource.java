package dev.printfarm.examples.farmapp;

import dev.printfarm.appconnection.api.AppConnection;
import dev.printfarm.appconnection.api.AppConnectionService;
import dev.printfarm.appconnection.api.PortalRequest;
import dev.printfarm.appconnection.api.error.AppConnectionException;
import dev.printfarm.appconnection.api.error.UnknownConnectionException;
import dev.printfarm.appconnection.api.fleet.PrintJob;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;

/**
 * A farm application's three steps with the module, through its public API only: send the browser to the
 * OctoEverywhere portal, list the printers connected since, and show one printer's job.
 *
 * <pre>
 * GET /api/connect?owner=alice      303 to the portal; the module's callback stores the connection afterwards
 * GET /api/printers?owner=alice     the owner's connections
 * GET /api/printers/{id}/job        the printer's current job, fetched through OctoEverywhere now
 * </pre>
 *
 * A real application takes the owner from its login rather than from the query.
 */
@Path("")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class PrintersResource {

    @Inject
    AppConnectionService connections;

    /**
     * Starts a portal flow: the portal URL as the redirect, with the cookie that binds the flow to this browser (the
     * module's callback accepts the answer only from the browser that started it).
     */
    @GET
    @Path("connect")
    public Response connect(@QueryParam("owner") @DefaultValue("farm") String owner) {
        List<String[]> headers = new ArrayList<>();
        var portal = connections.portalUrl(
                PortalRequest.forOwner(owner).withOctoPrintApiKey("Farm App"),
                (name, value) -> headers.add(new String[] {name, value}));
        Response.ResponseBuilder redirect = Response.seeOther(portal);
        headers.forEach(header -> redirect.header(header[0], header[1]));
        return redirect.build();
    }

    @GET
    @Path("printers")
    public JsonObject printers(@QueryParam("owner") @DefaultValue("farm") String owner) {
        JsonArrayBuilder list = Json.createArrayBuilder();
        connections.connections(owner).forEach(connection -> list.add(printer(connection)));
        return Json.createObjectBuilder().add("printers", list).build();
    }

    /**
     * The job of an OctoPrint printer. 404 for an unknown connection; 502 with OctoEverywhere's or the printer's
     * failure in words when the printer cannot answer now (offline, relay timeout, revoked, ...).
     */
    @GET
    @Path("printers/{id}/job")
    public Response job(@PathParam("id") String id) {
        try {
            PrintJob job = connections.octoPrint(id).job();
            JsonObjectBuilder json = Json.createObjectBuilder().add("id", id);
            job.statusText().ifPresent(text -> json.add("status", text));
            job.file().ifPresent(file -> json.add("file", file));
            job.progress().ifPresent(progress -> json.add("progress", progress));
            job.printTimeLeftSeconds().ifPresent(left -> json.add("secondsLeft", left));
            return Response.ok(json.build()).build();
        } catch (UnknownConnectionException e) {
            return Response.status(Response.Status.NOT_FOUND).build();
        } catch (AppConnectionException e) {
            return Response.status(Response.Status.BAD_GATEWAY)
                    .entity(Json.createObjectBuilder()
                            .add("id", id)
                            .add("error", e.getMessage())
                            .build())
                    .build();
        }
    }

    private static JsonObject printer(AppConnection connection) {
        return Json.createObjectBuilder()
                .add("id", connection.id())
                .add("name", connection.printerName())
                .add("state", connection.state().name())
                .build();
    }
}
