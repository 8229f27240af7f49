package dev.printfarm.appconnection.bench.run;

/** Where a step reports what it is doing; the driver prints these notes as they come. Thread-safe. */
@FunctionalInterface
public interface Progress {

    void note(String line);
}
