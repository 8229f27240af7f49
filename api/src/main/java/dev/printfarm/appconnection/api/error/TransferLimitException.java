package dev.printfarm.appconnection.api.error;

import java.util.OptionalLong;

/**
 * 607 (download) or 608 (upload): the body is over the owner's account limit. Permanent for that request.
 */
public class TransferLimitException extends OctoEverywhereException {

    /** Which way the body was going. */
    public enum Direction { DOWNLOAD, UPLOAD }

    private final Direction direction;
    private final Long limitBytes;

    public TransferLimitException(String message, String connectionId, Direction direction, Long limitBytes) {
        super(message, connectionId, direction == Direction.DOWNLOAD ? 607 : 608, false);
        this.direction = direction;
        this.limitBytes = limitBytes;
    }

    public Direction direction() {
        return direction;
    }

    /** The account's limit, when the module knows it. */
    public OptionalLong limitBytes() {
        return limitBytes == null ? OptionalLong.empty() : OptionalLong.of(limitBytes);
    }
}
