package dev.printfarm.appconnection.sandbox.portal;

import dev.printfarm.appconnection.sandbox.config.SandboxSettings;
import dev.printfarm.appconnection.sandbox.connection.AppConnection;
import dev.printfarm.appconnection.sandbox.connection.ConnectionRegistry;
import dev.printfarm.appconnection.sandbox.printer.EmulatedPrinter;
import dev.printfarm.appconnection.sandbox.printer.PrinterRegistry;
import dev.printfarm.appconnection.sandbox.web.BaseUrl;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.logging.Logger;

/** The hosted portal: pick a printer, get redirected back to the app with the new connection's secrets. */
@Path("appportal/v1")
@RequestScoped
@Produces(PortalResource.HTML)
public class PortalResource {

    static final String HTML = "text/html;charset=UTF-8";
    private static final Logger LOG = Logger.getLogger(PortalResource.class.getName());

    @Inject
    PrinterRegistry printers;

    @Inject
    ConnectionRegistry connections;

    @Inject
    SandboxSettings settings;

    @GET
    public Response start(@Context UriInfo uri, @Context HttpServletRequest request) {
        PortalParams params = PortalParams.from(uri.getQueryParameters()::getFirst);
        Optional<String> problem = params.problem();
        if (problem.isPresent()) {
            return badRequest(problem.get());
        }
        String action = request.getContextPath() + "/appportal/v1/authorize";
        return Response.ok(PortalPages.chooser(params, printers.all(), action)).build();
    }

    @POST
    @Path("authorize")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response authorize(MultivaluedMap<String, String> form, @Context HttpServletRequest request) {
        PortalParams params = PortalParams.from(form::getFirst);
        boolean cancel = "true".equalsIgnoreCase(form.getFirst("cancel"));
        Optional<EmulatedPrinter> printer = params.printerId().flatMap(printers::find);
        Optional<String> problem =
                params.problem().or(() -> cancel ? Optional.empty() : printerProblem(params, printer));
        if (problem.isPresent()) {
            return badRequest(problem.get());
        }
        String base = BaseUrl.of(request, settings);
        String returnUrl = params.returnUrl().orElse(base + "/appportal/v1/complete");
        if (cancel) {
            return found(CompletionUrl.append(returnUrl, CompletionUrl.cancelled()));
        }
        boolean withApiKey = params.octoPrintApiKeyAppName().isPresent() && !apiKeyGenerationFails();
        AppConnection connection = connections.create(
                printer.orElseThrow().id(), params.appId().orElseThrow(), BaseUrl.relayBase(base), withApiKey);
        LOG.info(() -> "Created " + connection);
        String userPrinterUrl = BaseUrl.userPrinterUrl(base, printer.get().id());
        return found(CompletionUrl.append(returnUrl, CompletionUrl.success(connection, printer.get(), userPrinterUrl)));
    }

    @GET
    @Path("complete")
    public Response complete(@QueryParam("success") String success) {
        return Response.ok(PortalPages.done("true".equalsIgnoreCase(success))).build();
    }

    private boolean apiKeyGenerationFails() {
        return ThreadLocalRandom.current().nextDouble() < settings.apiKeyFailureRate();
    }

    private static Optional<String> printerProblem(PortalParams params, Optional<EmulatedPrinter> printer) {
        if (params.printerId().isEmpty()) {
            return Optional.of("The printerId parameter is required to authorize.");
        }
        if (printer.isEmpty()) {
            return Optional.of("Unknown printer: " + params.printerId().get());
        }
        return Optional.empty();
    }

    /** Bytes, not a String: RESTEasy HTML-escapes a String {@code text/html} entity of a 400, page and all. */
    private static Response badRequest(String message) {
        return Response.status(Response.Status.BAD_REQUEST)
                .entity(PortalPages.problem(message).getBytes(StandardCharsets.UTF_8))
                .build();
    }

    private static Response found(String location) {
        return Response.status(Response.Status.FOUND)
                .header("Location", location)
                .build();
    }
}
