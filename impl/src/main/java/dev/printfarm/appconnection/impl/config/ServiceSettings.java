package dev.printfarm.appconnection.impl.config;

import dev.printfarm.appconnection.impl.internal.DemoMode;
import java.net.URI;

/**
 * Where OctoEverywhere is, who this application is to it, and where the application itself is reached. Demo mode is
 * not a key of its own: it follows {@link #serviceUrl()} ({@link DemoMode}).
 *
 * @param serviceUrl    OctoEverywhere's base URL (portal and App APIs), without a trailing slash
 * @param publicBaseUrl the application's public base URL (scheme, host, port and context root), without a trailing slash
 */
public record ServiceSettings(String appId, URI serviceUrl, URI publicBaseUrl, boolean demoMode) {

    public static final String APP_ID = "appconnection.app-id";
    public static final String SERVICE_URL = "appconnection.octoeverywhere.url";
    public static final String PUBLIC_BASE_URL = "appconnection.public-base-url";

    public static final String DEFAULT_SERVICE_URL = "https://octoeverywhere.com";

    public static ServiceSettings read(ConfigReader in) {
        String appId = in.required(APP_ID, "the app id OctoEverywhere assigned to you (devtest for the public demo)");
        URI service = in.httpUrl(SERVICE_URL, DEFAULT_SERVICE_URL);
        URI base = in.requiredHttpUrl(
                PUBLIC_BASE_URL,
                "the public URL of the application that hosts the module, e.g. https://farm.example/console");
        return new ServiceSettings(appId, service, base, DemoMode.of(service));
    }
}
