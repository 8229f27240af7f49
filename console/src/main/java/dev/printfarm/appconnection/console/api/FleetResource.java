package dev.printfarm.appconnection.console.api;

import dev.printfarm.appconnection.api.AppConnection;
import dev.printfarm.appconnection.api.ConnectionState;
import dev.printfarm.appconnection.api.fleet.PrinterView;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.EnumMap;
import java.util.Map;

/** {@code GET /console/api/fleet}: how many of the farm's printers are in each state (every state listed, 0 too). */
@Path("/fleet")
@Produces(MediaType.APPLICATION_JSON)
@RequestScoped
public class FleetResource {

    @Inject
    ConsoleLive live;

    @GET
    public JsonObject counts() {
        Map<String, PrinterView> snapshots = live.snapshots();
        Map<ConnectionState, Integer> counts = new EnumMap<>(ConnectionState.class);
        for (ConnectionState s : ConnectionState.values()) {
            counts.put(s, 0);
        }
        int printing = 0;
        for (AppConnection c : live.farm().values()) {
            PrinterView s = snapshots.get(c.id());
            counts.merge(s == null ? c.state() : s.state(), 1, Integer::sum);
            if (s != null
                    && s.statusText().filter(t -> t.startsWith("Printing")).isPresent()) {
                printing++;
            }
        }
        JsonObjectBuilder states = Json.createObjectBuilder();
        counts.forEach((state, n) -> states.add(state.name(), n));
        return Json.createObjectBuilder()
                .add("total", live.farm().size())
                .add("printing", printing)
                .add("states", states)
                .build();
    }
}
