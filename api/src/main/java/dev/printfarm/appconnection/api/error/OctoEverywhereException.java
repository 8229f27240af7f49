package dev.printfarm.appconnection.api.error;

/**
 * OctoEverywhere answered one of its own codes (600–699) instead of relaying the printer's answer. This class itself
 * stands for 600, 610–612 and any code OctoEverywhere adds later, with {@link #octoEverywhereCode()} always present;
 * the subclasses carry the codes that call for their own handling, and may also be thrown without a code when the
 * module refuses a call itself from what an earlier answer taught (then nothing was sent).
 */
public class OctoEverywhereException extends AppConnectionException {

    private final boolean temporary;

    public OctoEverywhereException(String message, String connectionId, ErrorDetails details, boolean temporary) {
        super(message, connectionId, details, null);
        if (getClass() == OctoEverywhereException.class
                && details.octoEverywhereCode().isEmpty()) {
            throw new IllegalArgumentException("An OctoEverywhereException carries OctoEverywhere's code");
        }
        if (details.printerStatus().isPresent()) {
            throw new IllegalArgumentException("OctoEverywhere answered, not the printer");
        }
        this.temporary = temporary;
    }

    /** For subclasses whose meaning fixes the code: {@code details} holds that code, or none (a local refusal). */
    protected OctoEverywhereException(
            String message, String connectionId, ErrorDetails details, boolean temporary, int... codes) {
        this(message, connectionId, details, temporary);
        details.octoEverywhereCode().ifPresent(code -> {
            for (int allowed : codes) {
                if (code == allowed) {
                    return;
                }
            }
            throw new IllegalArgumentException(getClass().getSimpleName() + " is not for code " + code);
        });
    }

    @Override
    public boolean isTemporary() {
        return temporary;
    }
}
