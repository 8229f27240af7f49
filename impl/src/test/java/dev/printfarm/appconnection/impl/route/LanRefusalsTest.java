package dev.printfarm.appconnection.impl.route;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LanRefusalsTest {

    private final List<String> logged = new ArrayList<>();
    private final LanRefusals refusals = new LanRefusals(logged::add);

    @Test
    void aRefusedAddressIsToldOncePerConnectionNotPerCall() {
        for (int call = 0; call < 1000; call++) {
            refusals.refused("c1", "127.0.0.1", "refused by policy: 127.0.0.1 is a loopback address");
            refusals.refused("c2", "169.254.169.254", "refused by policy: link-local");
        }
        assertEquals(2, logged.size(), logged.toString());
        assertTrue(logged.get(0).contains("c1") && logged.get(0).contains("refused by policy"), logged.get(0));
    }

    @Test
    void aNewAddressOrAForgottenConnectionIsToldAgain() {
        refusals.refused("c1", "127.0.0.1", "loopback");
        refusals.refused("c1", "0.0.0.0", "unspecified");
        refusals.forget("c1");
        refusals.refused("c1", "0.0.0.0", "unspecified");
        assertEquals(3, logged.size(), logged.toString());
    }
}
