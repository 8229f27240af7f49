package dev.printfarm.appconnection.console.security;

import dev.printfarm.appconnection.console.ConsoleSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.logging.Logger;

/**
 * The console can cancel prints: outside the module's demo mode (a sandbox on this machine, see
 * {@code AppConnectionService.demoMode()}) it refuses to start while the operator's password is the shipped
 * {@code operator}; in demo mode it only warns.
 */
@ApplicationScoped
public class StartupGuard {

    private static final Logger LOG = Logger.getLogger(StartupGuard.class.getName());

    @Inject
    ConsoleSettings settings;

    void check(@Observes @Initialized(ApplicationScoped.class) Object started) {
        if (!settings.defaultPassword()) {
            return;
        }
        if (!settings.demo()) {
            throw new IllegalStateException("The farm console will not start with the demo operator password outside"
                    + " demo mode (appconnection.octoeverywhere.url is not a sandbox on this machine): set"
                    + " console.operator.password (e.g. environment variable CONSOLE_OPERATOR_PASSWORD)");
        }
        LOG.warning("Sandbox demo: the console's operator '" + settings.operatorUser()
                + "' has the demo password. Set console.operator.password before using real printers.");
    }
}
