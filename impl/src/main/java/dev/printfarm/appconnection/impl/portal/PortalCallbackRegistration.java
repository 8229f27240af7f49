package dev.printfarm.appconnection.impl.portal;

import dev.printfarm.appconnection.impl.internal.ModuleConfig;
import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletContext;
import java.util.Set;

/** Mounts the portal callback at the configured path of whichever web application carries the module. */
public class PortalCallbackRegistration implements ServletContainerInitializer {

    @Override
    public void onStartup(Set<Class<?>> classes, ServletContext context) {
        String path = ModuleConfig.callbackPath(context.getClassLoader());
        context.addServlet("appconnection-portal-callback", PortalCallbackServlet.class).addMapping(path);
    }
}
