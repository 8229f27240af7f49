package dev.printfarm.appconnection.impl.route;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Optional;
import org.eclipse.microprofile.rest.client.RestClientBuilder;

/**
 * An HTTP engine for the Rest Client implementation that never sends anything, for implementations that would
 * otherwise build an HTTP stack of their own for each client. The module's clients never use one: their
 * {@link ThroughTransport} filter answers every request on the module's {@link HttpTransport}. Yet RESTEasy (Open
 * Liberty's Rest Client) builds an Apache connection pool per client, with a "Connection evictor" thread of its own,
 * unless a {@code ClientHttpEngine} instance is registered on the builder. That type is RESTEasy's, not part of the
 * MicroProfile API, and is not visible to applications on Liberty, so the stand-in is made at run time from the
 * builder's own class loader; with any other implementation (Jersey on Payara builds no pool) nothing is registered.
 */
final class NoSendingEngine {

    /** RESTEasy's engine contract, looked up by name in the Rest Client implementation's class loader. */
    static final String RESTEASY_ENGINE = "org.jboss.resteasy.client.jaxrs.ClientHttpEngine";

    private NoSendingEngine() {}

    /** The stand-in engine for this builder's implementation, if it takes one. */
    static Optional<Object> forBuilder(RestClientBuilder builder) {
        return forLoader(builder.getClass().getClassLoader());
    }

    static Optional<Object> forLoader(ClassLoader loader) {
        Class<?> contract;
        try {
            contract = Class.forName(RESTEASY_ENGINE, false, loader);
        } catch (ClassNotFoundException | LinkageError notThere) {
            return Optional.empty();
        }
        if (!contract.isInterface()) {
            return Optional.empty();
        }
        return Optional.of(Proxy.newProxyInstance(loader, new Class<?>[] {contract}, new Handler()));
    }

    /** Answers the engine's questions with "nothing of mine" and refuses to send. */
    private static final class Handler implements InvocationHandler {
        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            return switch (method.getName()) {
                case "invoke" ->
                    throw new IllegalStateException(
                            "The module's Rest Clients send on its own transport;"
                                    + " a request reached the Rest Client's engine, so the ThroughTransport filter did not run");
                case "isFollowRedirects" -> false;
                case "setFollowRedirects", "close" -> null; // the module's transport never follows redirects
                case "equals" -> args[0] == proxy;
                case "hashCode" -> System.identityHashCode(proxy);
                case "toString" -> "NoSendingEngine";
                // No SSL context or host name verifier of its own; a later version's default methods keep theirs.
                default -> method.isDefault() ? InvocationHandler.invokeDefault(proxy, method, args) : null;
            };
        }
    }
}
