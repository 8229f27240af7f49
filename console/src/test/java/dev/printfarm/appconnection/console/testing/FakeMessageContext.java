package dev.printfarm.appconnection.console.testing;

import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import java.lang.reflect.Proxy;

/**
 * What an authentication mechanism tells the container, recorded: the login it reports, its redirect, its 404. Only
 * the calls the console makes; any other fails the test.
 */
public final class FakeMessageContext {

    public boolean protectedResource = true;
    /** The caller the mechanism logged in, if it did. */
    public String loggedIn;

    private final FakeResponse response;

    public FakeMessageContext(FakeResponse response) {
        this.response = response;
    }

    public HttpMessageContext proxy() {
        return (HttpMessageContext) Proxy.newProxyInstance(
                FakeMessageContext.class.getClassLoader(),
                new Class<?>[] {HttpMessageContext.class},
                (proxy, m, args) -> switch (m.getName()) {
                    case "isProtected" -> protectedResource;
                    case "doNothing" -> AuthenticationStatus.NOT_DONE;
                    case "notifyContainerAboutLogin" -> {
                        loggedIn = ((CredentialValidationResult) args[0])
                                .getCallerPrincipal()
                                .getName();
                        yield AuthenticationStatus.SUCCESS;
                    }
                    case "redirect" -> {
                        response.status = 302;
                        response.headers.put("Location", (String) args[0]);
                        yield AuthenticationStatus.SEND_CONTINUE;
                    }
                    case "responseNotFound" -> {
                        response.status = 404;
                        yield AuthenticationStatus.SEND_FAILURE;
                    }
                    default -> throw new UnsupportedOperationException("HttpMessageContext." + m.getName());
                });
    }
}
