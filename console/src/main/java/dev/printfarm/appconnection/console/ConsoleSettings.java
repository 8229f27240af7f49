package dev.printfarm.appconnection.console;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The console's own settings (the module's are read by the module). */
@ApplicationScoped
public class ConsoleSettings {

    @Inject
    @ConfigProperty(name = "console.farm", defaultValue = "demo-farm")
    String farm;

    @Inject
    @ConfigProperty(name = "console.octoprint-api-key-app-name", defaultValue = "Farm Console")
    String apiKeyAppName;

    /** The owner key of every connection this console creates. */
    public String farm() {
        return farm;
    }

    public String apiKeyAppName() {
        return apiKeyAppName;
    }
}
