package dev.printfarm.appconnection.bench.run;

/** One thing the driver can ask a bench server to do; returns its outcome line (a RESULT line for a scenario). */
@FunctionalInterface
public interface Step {

    String run(Params params, Progress progress) throws Exception;
}
