package dev.printfarm.appconnection.console;

import dev.printfarm.appconnection.api.AppConnection;
import dev.printfarm.appconnection.api.AppConnectionException;
import dev.printfarm.appconnection.api.AppConnectionService;
import dev.printfarm.appconnection.api.ConnectionSuspendedException;
import dev.printfarm.appconnection.api.JobStatus;
import dev.printfarm.appconnection.api.OctoPrintClient;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Optional;

/**
 * {@code /console/api/printers}: the stored connections, and one printer's live data fetched through the
 * module. When the printer cannot be reached the detail still answers, with the connection's state and
 * null live fields: that is when an operator looks.
 */
@Path("/printers")
@Produces(MediaType.APPLICATION_JSON)
@RequestScoped
public class PrintersResource {

    @Inject
    AppConnectionService connections;

    @GET
    public JsonArray list() {
        JsonArrayBuilder array = Json.createArrayBuilder();
        connections.connections().forEach(c -> array.add(summary(c)));
        return array.build();
    }

    @GET
    @Path("/{id}")
    public JsonObject detail(@PathParam("id") String id) {
        connections.connection(id).orElseThrow(() -> new NotFoundException("No printer " + id));
        OctoPrintClient octoPrint = connections.octoPrint(id);
        JsonObjectBuilder live = Json.createObjectBuilder();
        try {
            live.add("octoprintVersion", nullable(octoPrint.version().server()));
            live.add("job", job(octoPrint.job()));
            live.addNull("error");
        } catch (AppConnectionException e) {
            live.addNull("octoprintVersion").addNull("job").add("error", error(e));
        }
        // Re-read: the calls above may just have changed what the module knows about the connection.
        AppConnection now = connections.connection(id).orElseThrow(() -> new NotFoundException("No printer " + id));
        return Json.createObjectBuilder(summary(now).build()).add("route", connections.route(id).name())
                .addAll(live).build();
    }

    private static JsonObjectBuilder summary(AppConnection c) {
        return Json.createObjectBuilder()
                .add("id", c.id())
                .add("name", c.printerName())
                .add("state", c.state().name())
                .add("owner", c.owner())
                .add("lanAddress", nullable(c.lastKnownLocalIp()))
                .add("hasOctoPrintApiKey", c.hasOctoPrintApiKey())
                .add("createdAt", c.createdAt().toString());
    }

    private static JsonObject job(JobStatus job) {
        JsonObjectBuilder b = Json.createObjectBuilder()
                .add("state", nullable(job.state()))
                .add("file", nullable(job.file()));
        if (job.progress().isPresent()) {
            b.add("progress", job.progress().getAsDouble());
        } else {
            b.addNull("progress");
        }
        return b.build();
    }

    private static JsonObject error(AppConnectionException e) {
        JsonObjectBuilder b = Json.createObjectBuilder()
                .add("type", e.getClass().getSimpleName())
                .add("message", String.valueOf(e.getMessage()))
                .add("temporary", e.isTemporary());
        if (e.status().isPresent()) {
            b.add("status", e.status().getAsInt());
        } else {
            b.addNull("status");
        }
        if (e instanceof ConnectionSuspendedException suspended) {
            b.add("remedy", suspended.supporterUrl().toString());
        }
        return b.build();
    }

    private static jakarta.json.JsonValue nullable(Optional<String> value) {
        return value.<jakarta.json.JsonValue>map(Json::createValue).orElse(jakarta.json.JsonValue.NULL);
    }
}
