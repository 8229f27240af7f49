package dev.printfarm.appconnection.api.command;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * What a printer's command API supports, from the {@code Features} bitmask of its status: a console shows only the
 * controls of the features present. Bits this module does not know are ignored.
 */
public enum CommandFeature {
    LIGHT(1),
    AXIS_MOVEMENT(2),
    HOMING(4),
    EXTRUSION(8),
    TEMPERATURE(16),
    PRINT_START(32);

    private final int bit;

    CommandFeature(int bit) {
        this.bit = bit;
    }

    /** The feature's bit in the {@code Features} mask. */
    public int bit() {
        return bit;
    }

    /** The features a mask names. */
    public static Set<CommandFeature> of(long mask) {
        EnumSet<CommandFeature> features = EnumSet.noneOf(CommandFeature.class);
        for (CommandFeature f : values()) {
            if ((mask & f.bit) != 0) {
                features.add(f);
            }
        }
        return Collections.unmodifiableSet(features);
    }
}
