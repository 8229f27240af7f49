package dev.printfarm.appconnection.api;

/**
 * Typed access to one printer's OctoPrint REST API through its App Connection. Thread-safe.
 * Every method throws an {@link AppConnectionException} subtype when the call fails: an
 * {@link OctoEverywhereException} when OctoEverywhere answers a 6xx, a {@link PrinterResponseException}
 * when OctoPrint answers an error, a {@link PrinterUnreachableException} when nothing answers.
 * Reads are retried on transient unavailability. Commands are never sent twice: they are retried only when
 * the request provably never reached the printer, and throw {@link CommandOutcomeUnknownException} when
 * nobody can tell whether it did.
 */
public interface OctoPrintClient {

    /** {@code GET /api/version}. */
    OctoPrintVersion version();

    /** {@code GET /api/printer}. */
    PrinterStatus printer();

    /** {@code GET /api/job}. */
    JobStatus job();

    /** Starts printing the selected file ({@code POST /api/job}, command {@code start}); 409 when not possible. */
    void startJob();

    /** Cancels the current print. */
    void cancelJob();

    /** Pauses the current print (a no-op when already paused). */
    void pauseJob();

    /** Resumes a paused print (a no-op when not paused). */
    void resumeJob();
}
