package dev.printfarm.appconnection.sandbox.portal;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;
import java.util.function.Function;

/**
 * The portal's parameters, from the query string or from the hidden fields of its own forms. A blank value counts
 * as absent, because the forms send every hidden field, empty or not.
 */
public record PortalParams(
        Optional<String> appId,
        Optional<String> returnUrl,
        Optional<String> printerId,
        Optional<String> appLogoUrl,
        Optional<String> octoPrintApiKeyAppName) {

    static final int MIN_API_KEY_APP_NAME = 2;
    static final int MAX_API_KEY_APP_NAME = 60;

    static PortalParams from(Function<String, String> lookup) {
        return new PortalParams(
                value(lookup, "appId"),
                value(lookup, "returnUrl"),
                value(lookup, "printerId"),
                value(lookup, "appLogoUrl"),
                value(lookup, "octoPrintApiKeyAppName"));
    }

    /** Why the portal cannot go on with these parameters, if it cannot. */
    Optional<String> problem() {
        if (appId.isEmpty()) {
            return Optional.of("The appId parameter is required.");
        }
        int nameLength = octoPrintApiKeyAppName.map(String::length).orElse(MIN_API_KEY_APP_NAME);
        if (nameLength < MIN_API_KEY_APP_NAME || nameLength > MAX_API_KEY_APP_NAME) {
            return Optional.of("octoPrintApiKeyAppName must be " + MIN_API_KEY_APP_NAME + " to " + MAX_API_KEY_APP_NAME
                    + " characters long, got " + nameLength + ".");
        }
        if (returnUrl.isPresent() && !isAbsoluteUri(returnUrl.get())) {
            return Optional.of("returnUrl must be an absolute URL.");
        }
        return Optional.empty();
    }

    private static boolean isAbsoluteUri(String text) {
        try {
            return new URI(text).isAbsolute();
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static Optional<String> value(Function<String, String> lookup, String name) {
        return Optional.ofNullable(lookup.apply(name)).filter(value -> !value.isBlank());
    }
}
