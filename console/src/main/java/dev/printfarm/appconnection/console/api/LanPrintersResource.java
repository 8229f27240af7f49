package dev.printfarm.appconnection.console.api;

import dev.printfarm.appconnection.console.ConsoleSettings;
import dev.printfarm.appconnection.console.farm.LanPrinter;
import dev.printfarm.appconnection.console.farm.LanPrinters;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * {@code /console/api/lan-printers}: printers the farm reaches on its LAN, before and after they get remote access.
 * {@code POST {"name", "url", "apiKey"}} adds one and asks its OctoEverywhere plugin for the printer id at once;
 * "Enable remote access" is then {@code GET /console/connect?lanPrinter={id}}.
 */
@Path("/lan-printers")
@Produces(MediaType.APPLICATION_JSON)
@RequestScoped
public class LanPrintersResource {

    @Inject
    LanPrinters printers;

    @Inject
    ConsoleSettings settings;

    @Inject
    ConsoleLive live;

    @GET
    public JsonArray list() {
        JsonArrayBuilder array = Json.createArrayBuilder();
        printers.list(settings.farm()).forEach(p -> array.add(PrinterViews.lanPrinter(p)));
        return array.build();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response add(JsonObject body) {
        if (body == null) {
            throw new BadRequestException("Send {\"name\", \"url\", \"apiKey\"}");
        }
        LanPrinter added =
                printers.add(settings.farm(), string(body, "name"), string(body, "url"), string(body, "apiKey"));
        live.listsChanged();
        return Response.status(201).entity(PrinterViews.lanPrinter(added)).build();
    }

    @POST
    @Path("/{id}/discover")
    public JsonObject discoverAgain(@PathParam("id") String id) {
        LanPrinter p = printers.discoverAgain(settings.farm(), id)
                .orElseThrow(() -> new NotFoundException("No LAN printer " + id));
        live.listsChanged();
        return PrinterViews.lanPrinter(p);
    }

    @DELETE
    @Path("/{id}")
    public Response remove(@PathParam("id") String id) {
        if (!printers.remove(settings.farm(), id)) {
            throw new NotFoundException("No LAN printer " + id);
        }
        live.listsChanged();
        return Response.noContent().build();
    }

    private static String string(JsonObject body, String name) {
        return body.get(name) instanceof JsonString s ? s.getString() : null;
    }
}
