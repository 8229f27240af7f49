package dev.printfarm.appconnection.api;

/**
 * Typed access to one printer's OctoPrint REST API through its App Connection. Thread-safe.
 * Every method throws an {@link AppConnectionException} subtype when the call fails: an
 * {@link OctoEverywhereException} when OctoEverywhere answers a 6xx, a {@link PrinterResponseException}
 * when OctoPrint answers an error, a {@link PrinterUnreachableException} when nothing answers.
 */
public interface OctoPrintClient {

    /** {@code GET /api/version}. */
    OctoPrintVersion version();

    /** {@code GET /api/printer}. */
    PrinterStatus printer();

    /** {@code GET /api/job}. */
    JobStatus job();
}
