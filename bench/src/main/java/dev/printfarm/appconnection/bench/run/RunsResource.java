package dev.printfarm.appconnection.bench.run;

import dev.printfarm.appconnection.bench.sandbox.SandboxControl;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@code POST /api/runs/{step}?key=value…} starts a step (202, the run's id in the body; 409 while another runs; a
 * bad setting fails the run); {@code GET /api/runs/{id}} follows it (plain text, the state on the first line);
 * {@code GET /api/ready} answers 200 once the module and its sandbox answer.
 */
@Path("")
@RequestScoped
@Produces(MediaType.TEXT_PLAIN)
public class RunsResource {

    @Inject
    Runs runs;

    @Inject
    SandboxControl sandbox;

    @POST
    @Path("runs/{step}")
    public Response start(@PathParam("step") String name, @Context UriInfo uri) {
        Optional<Step> step = runs.step(name);
        if (step.isEmpty()) {
            return Response.status(404).entity("no step " + name + "\n").build();
        }
        Map<String, String> values = new HashMap<>();
        uri.getQueryParameters().forEach((k, v) -> values.put(k, v.get(v.size() - 1)));
        Params params = new Params(values);
        return runs.start(name, step.get(), params)
                .map(run -> Response.accepted(run.id() + "\n").build())
                .orElseGet(() ->
                        Response.status(409).entity("another step is running\n").build());
    }

    @GET
    @Path("runs/{id}")
    public Response follow(@PathParam("id") String id) {
        return runs.find(id)
                .map(run -> Response.ok(run.text()).build())
                .orElseGet(
                        () -> Response.status(404).entity("no run " + id + "\n").build());
    }

    @GET
    @Path("ready")
    public Response ready() {
        return sandbox.reachable()
                ? Response.ok("ready\n").build()
                : Response.status(503)
                        .entity("the sandbox does not answer yet\n")
                        .build();
    }
}
