package dev.printfarm.appconnection.console;

import dev.printfarm.appconnection.api.AppConnectionService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The console's own settings (the module's are read by the module). */
@ApplicationScoped
public class ConsoleSettings {

    /** The demo operator's name and password: accepted only in the sandbox demo. */
    public static final String DEMO_OPERATOR = "operator";

    @Inject
    @ConfigProperty(name = "console.farm", defaultValue = "demo-farm")
    String farm;

    @Inject
    @ConfigProperty(name = "console.octoprint-api-key-app-name", defaultValue = "Farm Console")
    String apiKeyAppName;

    @Inject
    @ConfigProperty(name = "console.operator.user", defaultValue = DEMO_OPERATOR)
    String operatorUser;

    @Inject
    @ConfigProperty(name = "console.operator.password", defaultValue = DEMO_OPERATOR)
    String operatorPassword;

    @Inject
    AppConnectionService connections;

    /** The owner key of every connection this console creates: the operator's farm. */
    public String farm() {
        return farm;
    }

    public String apiKeyAppName() {
        return apiKeyAppName;
    }

    public String operatorUser() {
        return operatorUser;
    }

    /** For the identity store only: never logged or shown. */
    public String operatorPassword() {
        return operatorPassword;
    }

    /** The offline sandbox demo, as the module derives it; the only place the demo password may stay. */
    public boolean demo() {
        return connections.demoMode();
    }

    /** Whether the operator's password is still the shipped one. */
    public boolean defaultPassword() {
        return DEMO_OPERATOR.equals(operatorPassword);
    }
}
