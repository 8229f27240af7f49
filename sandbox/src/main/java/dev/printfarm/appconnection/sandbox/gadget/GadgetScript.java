package dev.printfarm.appconnection.sandbox.gadget;

/** What a printer's Gadget answers instead of its default, as set through the control API. */
public sealed interface GadgetScript {

    /** Answer this status, whatever the printer does. */
    record Answer(GadgetStatus status) implements GadgetScript {}

    /** Answer this error status (500 or 600..699) with OctoEverywhere's error body. */
    record Failure(int status) implements GadgetScript {
        public Failure {
            if (!allowed(status)) {
                throw new IllegalArgumentException("failWith must be 500 or 600..699, got " + status);
            }
        }

        public static boolean allowed(int status) {
            return status == 500 || (status >= 600 && status <= 699);
        }
    }
}
