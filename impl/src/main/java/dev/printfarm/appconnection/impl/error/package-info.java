/**
 * The one place where an answer becomes the api's exception: {@link dev.printfarm.appconnection.impl.error.ErrorMapper}
 * takes an {@link dev.printfarm.appconnection.impl.error.ErrorAnswer} (who answered, the status, the headers, the
 * start of the body) and returns the exception of the right type with its fields filled: OctoEverywhere's code, the
 * printer's status, the printer's body cleaned by {@link dev.printfarm.appconnection.impl.error.ErrorBodies}, the
 * retry-after read by {@link dev.printfarm.appconnection.impl.error.RetryAfter}. Pure code: no CDI, no I/O, a given
 * clock. Depends on the api's exceptions only.
 *
 * <p>May use: nothing else in the module.
 */
package dev.printfarm.appconnection.impl.error;
