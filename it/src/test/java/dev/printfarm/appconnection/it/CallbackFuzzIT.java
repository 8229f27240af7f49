package dev.printfarm.appconnection.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.printfarm.appconnection.api.AppConnectionService;
import dev.printfarm.appconnection.api.PortalRequest;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A thousand malformed portal completions: each has at least one defect the callback must refuse (a
 * missing or invalid required value, a repeated key, an oversized or control-character value) plus random
 * noise (bad %-encodings, odd unicode, unknown keys). Half carry a live state. None may cause a 500 and
 * none may store a row.
 */
@ExtendWith(ArquillianExtension.class)
@Tag("store")
class CallbackFuzzIT {

    private static final int CASES = 1_000;

    @Deployment
    static WebArchive module() {
        return Deployments.module(CallbackFuzzIT.class, RawHttp.class);
    }

    @Inject
    AppConnectionService service;

    @Test
    void malformedCallbacksNeverFailTheServerAndNeverStoreAnything() {
        long seed = Long.getLong("it.fuzz.seed", System.nanoTime());
        Random random = new Random(seed);
        String owner = "fuzz-" + UUID.randomUUID();
        List<String> states = new ArrayList<>();
        URI callbackBase = null;
        // One browser started every flow, so its cookies bind them all: the fuzz reaches past the binding check.
        PortalDriver browser = new PortalDriver();
        for (int i = 0; i < 20; i++) {
            URI portal = browser.start(service, PortalRequest.forOwner(owner));
            URI returnUrl = URI.create(PortalDriver.query(portal).get("returnUrl"));
            callbackBase = URI.create(
                    returnUrl.toString().substring(0, returnUrl.toString().indexOf('?')));
            states.add(PortalDriver.query(returnUrl).get("state"));
        }
        String sandbox = ConfigProvider.getConfig().getValue("it.sandbox.url", String.class);

        // Control: the same generator without its defect builds a completion the callback stores.
        String controlOwner = "fuzz-control-" + UUID.randomUUID();
        String controlState = PortalDriver.query(
                        URI.create(PortalDriver.query(browser.start(service, PortalRequest.forOwner(controlOwner)))
                                .get("returnUrl")))
                .get("state");
        String control = callbackBase.getRawPath() + "?" + query(random, List.of(controlState), sandbox, false);
        String cookies = browser.cookieHeader(callbackBase);
        assertEquals(303, RawHttp.get(callbackBase.getHost(), callbackBase.getPort(), control, cookies), control);
        assertEquals(1, service.connections(controlOwner).size());

        int before = service.connections().size();
        Map<Integer, Integer> byStatus = new TreeMap<>();
        List<String> serverErrors = new ArrayList<>();
        for (int i = 0; i < CASES; i++) {
            String target = callbackBase.getRawPath() + "?" + query(random, states, sandbox, true);
            int status = RawHttp.get(callbackBase.getHost(), callbackBase.getPort(), target, cookies);
            byStatus.merge(status, 1, Integer::sum);
            if ((status >= 500 || status < 400) && serverErrors.size() < 5) {
                serverErrors.add(status + " " + (target.length() > 300 ? target.substring(0, 300) + "…" : target));
            }
        }
        String report = "seed " + seed + ", statuses " + byStatus + ", examples not refused with 4xx " + serverErrors;
        assertTrue(byStatus.keySet().stream().noneMatch(s -> s >= 500), report);
        assertTrue(byStatus.keySet().stream().noneMatch(s -> s >= 200 && s < 400), report);
        assertTrue(byStatus.keySet().stream().anyMatch(s -> s >= 400 && s < 500), report);
        assertEquals(0, service.connections(owner).size(), report);
        assertEquals(before, service.connections().size(), report);
    }

    /** A completion that would be stored but for its defects: the relay URL lies under the configured service. */
    private static String query(Random random, List<String> states, String sandbox, boolean defective) {
        Map<String, String> p = new LinkedHashMap<>();
        String id = Long.toHexString(random.nextLong());
        int stateChoice = defective ? random.nextInt(4) : 0;
        if (stateChoice < 2) {
            p.put("state", enc(states.get(random.nextInt(states.size()))));
        } else if (stateChoice == 2) {
            p.put("state", enc(UUID.randomUUID().toString()));
        }
        p.put("success", "true");
        p.put("id", id);
        p.put("url", enc(sandbox + "/relay/" + id));
        p.put("appApiToken", enc("t" + id));
        p.put("authBearerToken", enc("b" + id));
        p.put("printername", enc("P " + id));
        List<String> extra = new ArrayList<>();
        switch (defective ? random.nextInt(9) : -1) {
            case 0 -> p.remove(List.of("id", "url", "appApiToken", "success").get(random.nextInt(4)));
            case 1 -> p.remove("authBearerToken");
            case 2 ->
                p.put(
                        "success",
                        enc(List.of("yes", "TRUE!", "", "1", "tru\u00e9").get(random.nextInt(5))));
            case 3 ->
                p.put(
                        "id",
                        enc(List.of("../x", "a b", "", "x".repeat(129), "id\u0000")
                                .get(random.nextInt(5))));
            case 4 ->
                p.put(
                        "url",
                        enc(List.of(
                                        "javascript:alert(1)",
                                        "/relative",
                                        "http://evil.example/r",
                                        "https://",
                                        "ftp://x/y",
                                        "https://u:p@host/")
                                .get(random.nextInt(6))));
            case 5 -> extra.add("ID=" + enc("other-" + id));
            case 6 ->
                p.put(
                        List.of("appApiToken", "printername", "authBearerToken").get(random.nextInt(3)),
                        "x".repeat(4_097 + random.nextInt(random.nextBoolean() ? 8_000 : 120_000)));
            case 7 -> p.put("appApiToken", "t%0" + (char) ('1' + random.nextInt(9)) + id);
            case 8 -> {
                p.remove("id");
                p.put("authBasicHttpUser", "only-user");
            }
            default -> {
                // the control case: no defect
            }
        }
        for (int n = defective ? random.nextInt(4) : 0; n > 0; n--) {
            extra.add(noise(random));
        }
        // Noise goes between parameters, never inside one, so it cannot split a defect into something valid.
        List<String> parts = new ArrayList<>();
        p.forEach((k, v) -> parts.add(k + "=" + v));
        for (String e : extra) {
            parts.add(random.nextInt(parts.size() + 1), e);
        }
        String query = String.join("&", parts);
        return query;
    }

    private static String noise(Random random) {
        return switch (random.nextInt(7)) {
            case 0 -> "x=%zz";
            case 1 -> "y=%";
            case 2 -> "z=%e9%28";
            case 3 -> "%41%42=%C3%28";
            case 4 -> "emoji=" + enc("\uD83D\uDE00\u202E");
            case 5 -> "unknown" + random.nextInt(100) + "=" + enc("v");
            default -> "&&==&";
        };
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
