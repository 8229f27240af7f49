package dev.printfarm.appconnection.bench.connect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CompletionTest {

    private static final String CALLBACK = "http://localhost:9380/bench/appconnection/callback?state=s1&success=true"
            + "&id=c%2F1&url=http%3A%2F%2Flocalhost%3A9380%2Fsandbox%2Frelay%2Fc1&appApiToken=t"
            + "&authBasicHttpUser=u&authBasicHttpPassword=p%20w&authBearerToken=b%2Bt&octoPrintApiKey=k";

    @Test
    void theRelayCallIsAuthenticatedAsTheModuleWouldDoIt() {
        Completion bearer = Completion.from(URI.create(CALLBACK), "printer-1", true);
        assertEquals("c/1", bearer.connectionId());
        assertEquals("Bearer b+t", bearer.authorization());
        assertEquals(Optional.of("k"), bearer.octoPrintApiKey());
        assertEquals(URI.create("http://localhost:9380/sandbox/relay/c1/api/job"), bearer.relayed("/api/job"));

        Completion basic = Completion.from(URI.create(CALLBACK), "printer-1", false);
        assertEquals("Basic " + Base64.getEncoder().encodeToString("u:p w".getBytes()), basic.authorization());
    }

    @Test
    void bearerAloneIsUsedEvenWhenBasicIsPreferred() {
        URI onlyBearer = URI.create("http://x/cb?success=true&id=c1&url=http%3A%2F%2Fr%2F&authBearerToken=b");
        Completion c = Completion.from(onlyBearer, "p", false);
        assertEquals("Bearer b", c.authorization());
        assertEquals(URI.create("http://r/api/job"), c.relayed("/api/job"));
        assertEquals(Optional.empty(), c.octoPrintApiKey());
    }

    @Test
    void aCancelledOrIncompletePortalAnswerIsRefused() {
        assertThrows(
                IllegalStateException.class, () -> Completion.from(URI.create("http://x/cb?success=false"), "p", true));
        assertThrows(
                IllegalStateException.class,
                () -> Completion.from(URI.create("http://x/cb?success=true&id=c1&url=http%3A%2F%2Fr"), "p", true));
    }

    @Test
    void secretsNeverPrint() {
        String text = Completion.from(URI.create(CALLBACK), "printer-1", true).toString();
        assertFalse(text.contains("b+t") || text.contains("p w") || text.contains("=k"), text);
    }
}
