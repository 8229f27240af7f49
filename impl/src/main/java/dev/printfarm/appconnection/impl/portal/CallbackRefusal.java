package dev.printfarm.appconnection.impl.portal;

import java.util.Locale;

/** Why the callback refused a request: the fixed set of reasons that metrics and logs use, never the input itself. */
public enum CallbackRefusal {
    MALFORMED_QUERY,
    MISSING_STATE,
    INVALID_ANSWER,
    OTHER_BROWSER,
    UNKNOWN_STATE,
    REPLAYED_STATE,
    EXPIRED_STATE,
    DUPLICATE_CONNECTION;

    /** The metric tag value, e.g. {@code other-browser}. */
    public String tag() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
