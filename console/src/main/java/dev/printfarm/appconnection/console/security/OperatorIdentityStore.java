package dev.printfarm.appconnection.console.security;

import dev.printfarm.appconnection.console.ConsoleSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Set;

/**
 * The console's operators: one, named by {@code console.operator.user} with {@code console.operator.password}
 * (demo: {@code operator}/{@code operator}, refused outside the sandbox demo by {@link StartupGuard}). Every operator
 * is in the group {@value #OPERATOR_GROUP}, which the console's pages and API require.
 */
@ApplicationScoped
public class OperatorIdentityStore implements IdentityStore {

    public static final String OPERATOR_GROUP = "farm-operator";

    @Inject
    ConsoleSettings settings;

    @Override
    public CredentialValidationResult validate(Credential credential) {
        if (!(credential instanceof UsernamePasswordCredential login)) {
            return CredentialValidationResult.NOT_VALIDATED_RESULT;
        }
        boolean user = same(login.getCaller(), settings.operatorUser());
        boolean password = same(login.getPasswordAsString(), settings.operatorPassword());
        return user & password
                ? new CredentialValidationResult(login.getCaller(), Set.of(OPERATOR_GROUP))
                : CredentialValidationResult.INVALID_RESULT;
    }

    /** Compares in time that does not depend on where the values differ. */
    private static boolean same(String given, String expected) {
        return MessageDigest.isEqual(
                String.valueOf(given).getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8));
    }
}
