package dev.printfarm.appconnection.impl.webhook;

import dev.printfarm.appconnection.impl.startup.SettingsProducer;
import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletContext;
import java.util.Set;

/**
 * Mounts the webhook receiver at the configured path of whichever web application carries the module (the settings
 * make sure it is not the portal callback's path). Runs before CDI, so it asks for the settings itself.
 */
public class WebhookServletRegistration implements ServletContainerInitializer {

    @Override
    public void onStartup(Set<Class<?>> classes, ServletContext context) {
        String path =
                SettingsProducer.settings(context.getClassLoader()).webhooks().path();
        context.addServlet("appconnection-webhook", WebhookServlet.class).addMapping(path);
    }
}
