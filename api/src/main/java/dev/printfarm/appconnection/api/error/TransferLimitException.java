package dev.printfarm.appconnection.api.error;

import java.util.Objects;
import java.util.OptionalLong;

/**
 * 607 (download) or 608 (upload): the body is over the owner's account limit. Without a code when the module knew the
 * limit and refused the transfer before sending a byte. Permanent for that request.
 */
public class TransferLimitException extends OctoEverywhereException {

    /** Which way the body was going. */
    public enum Direction {
        DOWNLOAD,
        UPLOAD
    }

    private final Direction direction;
    private final Long limitBytes;

    public TransferLimitException(
            String message, String connectionId, Direction direction, OptionalLong limitBytes, ErrorDetails details) {
        super(
                message,
                connectionId,
                details,
                false,
                Objects.requireNonNull(direction, "direction") == Direction.DOWNLOAD ? 607 : 608);
        this.direction = direction;
        this.limitBytes = limitBytes.isPresent() ? limitBytes.getAsLong() : null;
    }

    public Direction direction() {
        return direction;
    }

    /** The account's limit, when the module knows it. */
    public OptionalLong limitBytes() {
        return limitBytes == null ? OptionalLong.empty() : OptionalLong.of(limitBytes);
    }
}
