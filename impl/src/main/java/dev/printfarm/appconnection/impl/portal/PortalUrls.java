package dev.printfarm.appconnection.impl.portal;

import dev.printfarm.appconnection.api.PortalRequest;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.StringJoiner;

/** Builds the portal URL and the return URL that carries the flow's state. */
public final class PortalUrls {

    private PortalUrls() {}

    public static URI returnUrl(URI publicBaseUrl, String callbackPath, String state) {
        return URI.create(publicBaseUrl + callbackPath + "?state=" + encode(state));
    }

    public static URI portalUrl(URI serviceUrl, String appId, URI returnUrl, PortalRequest request) {
        var query = new StringJoiner("&");
        query.add("appId=" + encode(appId));
        query.add("returnUrl=" + encode(returnUrl.toString()));
        request.printerId().ifPresent(id -> query.add("printerId=" + encode(id)));
        request.appLogoUrl().ifPresent(logo -> query.add("appLogoUrl=" + encode(logo.toString())));
        request.octoPrintApiKeyAppName().ifPresent(name -> query.add("octoPrintApiKeyAppName=" + encode(name)));
        return URI.create(serviceUrl + "/appportal/v1/?" + query);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
