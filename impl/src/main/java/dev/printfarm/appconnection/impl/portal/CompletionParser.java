package dev.printfarm.appconnection.impl.portal;

import dev.printfarm.appconnection.impl.relay.RelayUrlPolicy;
import dev.printfarm.appconnection.impl.relay.RelayUrlRefusedException;
import dev.printfarm.appconnection.impl.store.ConnectionSecrets;
import dev.printfarm.appconnection.impl.store.NewConnection;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads the parameters the OctoEverywhere portal appends to the return URL. Keys are matched without
 * regard to case (older portals sent {@code authbasichttpuser}); every value is bounded and checked.
 */
public final class CompletionParser {

    static final int MAX_VALUE_LENGTH = 4096;
    /** Per value, within the store's columns; secrets are sealed together into one column. */
    static final int MAX_URL_LENGTH = 2048;

    static final int MAX_NAME_LENGTH = 512;
    static final int MAX_SECRET_LENGTH = 1024;
    private static final Pattern CONNECTION_ID = Pattern.compile("[A-Za-z0-9_-]{1,128}");
    private static final Pattern LAN_ADDRESS = Pattern.compile("[A-Za-z0-9.:\\[\\]%_-]{1,255}");

    private final RelayUrlPolicy relayUrls;

    /** @param relayUrls decides which relay base URLs may be stored */
    public CompletionParser(RelayUrlPolicy relayUrls) {
        this.relayUrls = relayUrls;
    }

    /** The completed connection, or empty when the portal reported {@code success=false}. */
    public Optional<NewConnection> parse(Map<String, String[]> parameters) throws InvalidCallbackException {
        Map<String, String> values = normalise(parameters);
        String success = values.get("success");
        if (success == null) {
            throw new InvalidCallbackException("The portal's answer has no 'success' parameter.");
        }
        if (success.equalsIgnoreCase("false")) {
            return Optional.empty();
        }
        if (!success.equalsIgnoreCase("true")) {
            throw new InvalidCallbackException("The portal's 'success' parameter is neither true nor false.");
        }
        String id = required(values, "id");
        if (!CONNECTION_ID.matcher(id).matches()) {
            throw new InvalidCallbackException(
                    "The connection id has characters or a length a connection id never has.");
        }
        URI relayUrl;
        try {
            relayUrl = relayUrls.admit(bounded(required(values, "url"), MAX_URL_LENGTH, "url"));
        } catch (RelayUrlRefusedException e) {
            throw new InvalidCallbackException(e.getMessage());
        }
        String appApiToken = bounded(required(values, "appapitoken"), MAX_SECRET_LENGTH, "appApiToken");
        Optional<String> basicUser = boundedOptional(values, "authbasichttpuser", MAX_SECRET_LENGTH);
        Optional<String> basicPassword = boundedOptional(values, "authbasichttppassword", MAX_SECRET_LENGTH);
        if (basicUser.isPresent() != basicPassword.isPresent()) {
            throw new InvalidCallbackException("Basic relay credentials came without their other half.");
        }
        Optional<String> bearer = boundedOptional(values, "authbearertoken", MAX_SECRET_LENGTH);
        if (basicUser.isEmpty() && bearer.isEmpty()) {
            throw new InvalidCallbackException("The portal's answer carries no relay credentials.");
        }
        Optional<String> lan = optional(values, "printerlastknownlocalip");
        if (lan.isPresent() && !LAN_ADDRESS.matcher(lan.get()).matches()) {
            throw new InvalidCallbackException("The printer's LAN address is malformed.");
        }
        Optional<String> userUrlValue = boundedOptional(values, "userprinteraccessurl", MAX_URL_LENGTH);
        Optional<URI> userPrinterUrl = userUrlValue.isPresent()
                ? Optional.of(url(userUrlValue.get(), "userPrinterAccessUrl"))
                : Optional.empty();
        String printerName =
                boundedOptional(values, "printername", MAX_NAME_LENGTH).orElse("Printer " + id);
        var secrets = new ConnectionSecrets(
                basicUser,
                basicPassword,
                bearer,
                appApiToken,
                boundedOptional(values, "octoprintapikey", MAX_SECRET_LENGTH));
        return Optional.of(new NewConnection(id, printerName, relayUrl, userPrinterUrl, lan, secrets));
    }

    private static Map<String, String> normalise(Map<String, String[]> parameters) throws InvalidCallbackException {
        Map<String, String> values = new HashMap<>();
        for (Map.Entry<String, String[]> entry : parameters.entrySet()) {
            String key = entry.getKey().toLowerCase(Locale.ROOT);
            for (String value : entry.getValue()) {
                String previous = values.putIfAbsent(key, value);
                if (previous != null && !previous.equals(value)) {
                    throw new InvalidCallbackException("The parameter '" + safeKey(key) + "' is given more than once.");
                }
            }
        }
        for (Map.Entry<String, String> entry : values.entrySet()) {
            String value = entry.getValue();
            if (value.length() > MAX_VALUE_LENGTH) {
                throw new InvalidCallbackException("The parameter '" + safeKey(entry.getKey()) + "' is too long.");
            }
            if (value.chars().anyMatch(ch -> ch < 0x20 || ch == 0x7f)) {
                throw new InvalidCallbackException(
                        "The parameter '" + safeKey(entry.getKey()) + "' has control characters.");
            }
        }
        return values;
    }

    /** Keys are echoed only when they are plain words, so an error page never reflects arbitrary input. */
    private static String safeKey(String key) {
        return key.matches("[a-z0-9_]{1,40}") ? key : "(unnamed)";
    }

    private static String required(Map<String, String> values, String key) throws InvalidCallbackException {
        return optional(values, key)
                .orElseThrow(() -> new InvalidCallbackException(
                        "The portal's answer lacks the required parameter '" + key + "'."));
    }

    private static String bounded(String value, int max, String name) throws InvalidCallbackException {
        if (value.length() > max) {
            throw new InvalidCallbackException("The parameter '" + name + "' is longer than " + max + " characters.");
        }
        return value;
    }

    private static Optional<String> boundedOptional(Map<String, String> values, String key, int max)
            throws InvalidCallbackException {
        Optional<String> value = optional(values, key);
        if (value.isPresent()) {
            bounded(value.get(), max, key);
        }
        return value;
    }

    private static Optional<String> optional(Map<String, String> values, String key) {
        return Optional.ofNullable(values.get(key)).map(String::strip).filter(v -> !v.isEmpty());
    }

    private static URI url(String value, String name) throws InvalidCallbackException {
        try {
            URI uri = new URI(value);
            if (!uri.isAbsolute()
                    || uri.getHost() == null
                    || !("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()))
                    || uri.getRawUserInfo() != null
                    || uri.getRawFragment() != null) {
                throw new InvalidCallbackException("The parameter '" + name + "' is not an absolute http(s) URL.");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new InvalidCallbackException("The parameter '" + name + "' is not a URL.");
        }
    }
}
