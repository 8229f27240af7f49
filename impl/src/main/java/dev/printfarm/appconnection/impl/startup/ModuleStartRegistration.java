package dev.printfarm.appconnection.impl.startup;

import jakarta.inject.Inject;
import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import java.util.Set;

/** Starts the module when the web application that carries it starts: see {@link ModuleStarting}. */
public class ModuleStartRegistration implements ServletContainerInitializer {

    @Override
    public void onStartup(Set<Class<?>> classes, ServletContext context) {
        context.addListener(Listener.class);
    }

    /** Made and injected by the servlet container, after CDI is up and with the web module's naming in place. */
    public static class Listener implements ServletContextListener {

        @Inject
        ModuleStart start;

        @Override
        public void contextInitialized(ServletContextEvent event) {
            start.begin();
        }
    }
}
