package dev.printfarm.appconnection.impl.store;

import dev.printfarm.appconnection.api.AppConnection;
import java.util.Optional;

/** What completing a portal flow came to. */
public record FlowOutcome(Kind kind, Optional<AppConnection> connection) {

    public enum Kind {
        /** The connection was committed now. */
        STORED,
        /** This very completion was stored before (a browser refresh). */
        ALREADY_STORED,
        /** The flow ended without a connection (the user cancelled, or the portal failed). */
        CANCELLED,
        /** The browser lacks the flow's cookie: someone else holds the callback URL. Nothing was changed. */
        OTHER_BROWSER,
        /** No flow has this state: forged, or from another server's database. */
        UNKNOWN_STATE,
        /** The state was used before, for something else. */
        REPLAYED_STATE,
        /** The state is past its expiry. */
        EXPIRED_STATE,
        /** Another flow already stored a connection with this id. */
        DUPLICATE_CONNECTION
    }

    static FlowOutcome of(Kind kind) {
        return new FlowOutcome(kind, Optional.empty());
    }
}
