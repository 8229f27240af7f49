package dev.printfarm.appconnection.console.api;

import dev.printfarm.appconnection.console.ConsoleSettings;
import dev.printfarm.appconnection.console.security.CsrfFilter;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;

/** {@code GET /console/api/session}: who is logged in, their farm, and the token the page sends with changes. */
@Path("/session")
@Produces(MediaType.APPLICATION_JSON)
@RequestScoped
public class SessionResource {

    @Inject
    ConsoleSettings settings;

    @Context
    HttpServletRequest request;

    @GET
    public JsonObject session() {
        return Json.createObjectBuilder()
                .add("user", request.getUserPrincipal().getName())
                .add("farm", settings.farm())
                .add("demo", settings.demo())
                .add("csrfToken", CsrfFilter.token(request))
                .build();
    }
}
