package dev.printfarm.appconnection.impl.startup;

/**
 * Fired once when the module starts, before the application serves a request ({@link ModuleStart}): the module's
 * start work (the deployment guard, the store, background tasks) observes this rather than
 * {@code @Initialized(ApplicationScoped.class)}. Payara notifies the beans of a library jar of that event while the
 * application is still deploying, before its {@code java:comp} exists, and a bean made then cannot have its resources
 * injected ("Lookup failed for java:comp/env/..."); there this event comes with the web module's start instead.
 * Observers order themselves with {@code @Priority}; one that throws fails the deployment.
 */
public final class ModuleStarting {}
