package dev.printfarm.appconnection.impl.webhook;

import dev.printfarm.appconnection.impl.internal.ModuleConfig;
import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletContext;
import java.util.Set;

/** Mounts the webhook receiver at the configured path of whichever web application carries the module. */
public class WebhookServletRegistration implements ServletContainerInitializer {

    @Override
    public void onStartup(Set<Class<?>> classes, ServletContext context) {
        String path = ModuleConfig.webhookPath(context.getClassLoader());
        if (path.equals(ModuleConfig.callbackPath(context.getClassLoader()))) {
            throw new IllegalStateException("Configuration " + ModuleConfig.WEBHOOK_PATH + " and "
                    + ModuleConfig.CALLBACK_PATH + " must differ, both are " + path);
        }
        context.addServlet("appconnection-webhook", WebhookServlet.class).addMapping(path);
    }
}
