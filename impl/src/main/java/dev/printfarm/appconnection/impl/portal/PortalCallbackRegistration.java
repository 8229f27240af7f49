package dev.printfarm.appconnection.impl.portal;

import dev.printfarm.appconnection.impl.startup.SettingsProducer;
import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletContext;
import java.util.Set;

/**
 * Mounts the portal callback at the configured path of whichever web application carries the module. Runs before
 * CDI, so it asks for the settings itself; a wrong configuration fails the deployment here already.
 */
public class PortalCallbackRegistration implements ServletContainerInitializer {

    @Override
    public void onStartup(Set<Class<?>> classes, ServletContext context) {
        String path =
                SettingsProducer.settings(context.getClassLoader()).portal().callbackPath();
        context.addServlet("appconnection-portal-callback", PortalCallbackServlet.class)
                .addMapping(path);
    }
}
