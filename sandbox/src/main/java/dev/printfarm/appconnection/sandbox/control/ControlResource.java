package dev.printfarm.appconnection.sandbox.control;

import dev.printfarm.appconnection.sandbox.config.SandboxSettings;
import dev.printfarm.appconnection.sandbox.connection.ConnectionRegistry;
import dev.printfarm.appconnection.sandbox.lan.LanRequestLog;
import dev.printfarm.appconnection.sandbox.printer.EmulatedPrinter;
import dev.printfarm.appconnection.sandbox.printer.PrinterRegistry;
import dev.printfarm.appconnection.sandbox.relay.RelayStats;
import dev.printfarm.appconnection.sandbox.web.BaseUrl;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.Optional;

/** Lets tests and scripts look inside the sandbox and make printers misbehave. Exposes secrets on purpose. */
@Path("control")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ControlResource {

    @Inject
    PrinterRegistry printers;

    @Inject
    ConnectionRegistry connections;

    @Inject
    RelayStats stats;

    @Inject
    LanRequestLog lanRequests;

    @Inject
    SandboxSettings settings;

    @GET
    @Path("printers")
    public String printers(@Context HttpServletRequest request) {
        Instant now = printers.now();
        String base = BaseUrl.of(request, settings);
        JsonArrayBuilder array = Json.createArrayBuilder();
        printers.all().forEach(printer ->
                array.add(ControlJson.printer(printer, now, BaseUrl.lanUrl(base, printer.id()))));
        return array.build().toString();
    }

    @PUT
    @Path("printers/{printerId}")
    public Response update(@PathParam("printerId") String printerId, String body,
                           @Context HttpServletRequest request) {
        Optional<EmulatedPrinter> printer = printers.find(printerId);
        if (printer.isEmpty()) {
            return json(Response.Status.NOT_FOUND, ControlJson.error("Unknown printer: " + printerId).toString());
        }
        ControlUpdate update;
        try {
            update = ControlUpdate.parse(body);
        } catch (InvalidControlException e) {
            return json(Response.Status.BAD_REQUEST, ControlJson.error(e.getMessage()).toString());
        }
        printers.update(printerId, update::applyTo);
        String lanUrl = BaseUrl.lanUrl(BaseUrl.of(request, settings), printerId);
        return json(Response.Status.OK, ControlJson.printer(printer.get(), printers.now(), lanUrl).toString());
    }

    @GET
    @Path("connections")
    public String connections() {
        JsonArrayBuilder array = Json.createArrayBuilder();
        connections.all().forEach(connection -> array.add(ControlJson.connection(connection)));
        return array.build().toString();
    }

    @GET
    @Path("stats")
    public String stats() {
        return ControlJson.stats(stats.snapshot()).toString();
    }

    /** Oldest first, headers as received (names lower-cased), so tests can see what reached the printer. */
    @GET
    @Path("lan-requests")
    public String lanRequests() {
        return ControlJson.lanRequests(lanRequests.snapshot()).toString();
    }

    @POST
    @Path("reset")
    public Response reset() {
        connections.clear();
        stats.clear();
        lanRequests.clear();
        printers.resetControls();
        return Response.noContent().build();
    }

    private static Response json(Response.Status status, String body) {
        return Response.status(status).entity(body).type(MediaType.APPLICATION_JSON).build();
    }
}
